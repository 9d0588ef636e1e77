'use client';
// Per-snapshot actions on the list: share links (create, copy, revoke) and delete.
import { useRouter } from 'next/navigation';
import { useState } from 'react';

interface Share {
  id: string;
  redact: boolean;
  expiresAt: string;
  revokedAt: string | null;
}

export function SnapshotActions({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [shares, setShares] = useState<Share[] | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function loadShares() {
    const res = await fetch(`/api/snapshots/${id}/shares`, { cache: 'no-store' });
    if (res.ok) setShares(((await res.json()) as { shares: Share[] }).shares);
  }
  async function share(form: HTMLFormElement) {
    setError(null);
    const hours = Number((form.elements.namedItem('hours') as HTMLSelectElement).value);
    const redact = (form.elements.namedItem('redact') as HTMLInputElement).checked;
    const res = await fetch(`/api/snapshots/${id}/shares`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ expiresInHours: hours, redact }),
    });
    const body = (await res.json().catch(() => ({}))) as { path?: string; error?: string };
    if (!res.ok || !body.path) return setError(body.error ?? `HTTP ${res.status}`);
    setLink(new URL(body.path, window.location.origin).toString());
    await loadShares();
  }
  async function revoke(shareId: string) {
    const res = await fetch(`/api/shares/${shareId}`, { method: 'DELETE' });
    if (!res.ok && res.status !== 404) setError(`revoke failed: HTTP ${res.status}`);
    await loadShares();
  }
  async function remove() {
    if (!window.confirm(`Delete the snapshot ${name}? Its share links stop working.`)) return;
    const res = await fetch(`/api/snapshots/${id}`, { method: 'DELETE' });
    if (!res.ok) return setError(`delete failed: HTTP ${res.status}`);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        <details
          onToggle={(e) => {
            if ((e.currentTarget as HTMLDetailsElement).open) void loadShares();
          }}
        >
          <summary className="cursor-pointer text-xs underline">Share</summary>
          <form
            className="mt-1 flex flex-wrap items-center gap-2 text-xs"
            aria-label={`Share ${name}`}
            onSubmit={(e) => {
              e.preventDefault();
              void share(e.currentTarget);
            }}
          >
            <label>
              Expires in{' '}
              <select name="hours" defaultValue="72" className="rounded border border-slate-300">
                <option value="1">1 hour</option>
                <option value="24">1 day</option>
                <option value="72">3 days</option>
                <option value="168">7 days</option>
                <option value="720">30 days</option>
              </select>
            </label>
            <label>
              <input type="checkbox" name="redact" /> Redact names
            </label>
            <button type="submit" className="rounded border border-slate-400 px-2 py-0.5">
              Create link
            </button>
          </form>
          {link && (
            <p className="mt-1 text-xs">
              Link (shown once):{' '}
              <input
                readOnly
                value={link}
                aria-label="Share link"
                className="w-96 max-w-full rounded border border-slate-300 px-1 font-mono"
                onFocus={(e) => e.currentTarget.select()}
              />
            </p>
          )}
          {shares && shares.length > 0 && (
            <ul className="mt-1 text-xs" aria-label="Existing share links">
              {shares.map((s) => (
                <li key={s.id} className="flex gap-2">
                  <span>
                    {s.redact ? 'redacted, ' : ''}
                    {s.revokedAt ? 'revoked' : new Date(s.expiresAt) < new Date() ? 'expired' : `expires ${s.expiresAt.slice(0, 16).replace('T', ' ')} UTC`}
                  </span>
                  {!s.revokedAt && (
                    <button type="button" className="underline" onClick={() => void revoke(s.id)}>
                      Revoke
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </details>
        <button type="button" className="text-xs text-red-800 underline" onClick={() => void remove()}>
          Delete
        </button>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
