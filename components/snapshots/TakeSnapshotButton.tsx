'use client';
// Stores the current posture as a snapshot, with an optional label, and says what happened.
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function TakeSnapshotButton() {
  const router = useRouter();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  async function take() {
    setBusy(true);
    setResult(null);
    try {
      const res = await fetch('/api/snapshots', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ label: label || undefined }),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: string; snapshot?: { id: string; score: number }; stale?: string | null };
      if (!res.ok || !body.snapshot) setResult({ ok: false, text: body.error ?? `HTTP ${res.status}` });
      else {
        setResult({
          ok: true,
          text: `Snapshot stored (score ${body.snapshot.score})${body.stale ? `; the latest scan failed, so it holds the last good result` : ''}.`,
        });
        setLabel('');
        router.refresh();
      }
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void take();
      }}
    >
      <label className="flex flex-col text-xs text-slate-600">
        Label (optional)
        <input
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={200}
          className="rounded border border-slate-300 px-2 py-1 text-sm"
          name="label"
        />
      </label>
      <button type="submit" disabled={busy} className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {busy ? 'Taking snapshot…' : 'Take snapshot'}
      </button>
      {result && (
        <p role="status" className={`text-xs ${result.ok ? 'text-green-800' : 'text-red-800'}`}>
          {result.text}
        </p>
      )}
    </form>
  );
}
