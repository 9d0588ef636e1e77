'use client';
// Creates a stored exception (POST /api/exceptions) for one check, scoped to an object, a
// namespace or a label selector; deletes one (DELETE /api/exceptions/:id). The server checks
// who may, the fields and the expiry cap, and says why when it refuses.
import { useRouter } from 'next/navigation';
import { useState } from 'react';

type ScopeType = 'object' | 'namespace' | 'selector';
const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

export function ExceptionForm({ maxDays }: { maxDays: number }) {
  const router = useRouter();
  const [scope, setScope] = useState<ScopeType>('object');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(form: FormData) {
    const v = (k: string) => String(form.get(k) ?? '').trim();
    const body = {
      checkId: v('checkId'),
      reason: v('reason'),
      owner: v('owner'),
      expires: v('expires'),
      scope:
        scope === 'object'
          ? { type: 'object', kind: v('kind'), namespace: v('namespace') || null, name: v('name') }
          : scope === 'namespace'
            ? { type: 'namespace', namespace: v('namespace') }
            : { type: 'selector', selector: v('selector'), ...(v('namespace') ? { namespace: v('namespace') } : {}) },
    };
    const res = await fetch('/api/exceptions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).catch(
      (e: Error) => e,
    );
    if (res instanceof Error) return setResult({ ok: false, text: res.message });
    const answer = (await res.json().catch(() => ({}))) as { error?: string };
    if (!res.ok) return setResult({ ok: false, text: answer.error ?? `HTTP ${res.status}` });
    setResult({ ok: true, text: 'Exception stored; the posture is triaged again on the next load.' });
    router.refresh();
  }
  return (
    <form
      aria-label="New exception"
      className="grid gap-2 sm:grid-cols-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(new FormData(e.currentTarget));
      }}
    >
      <Field label="Check id" name="checkId" placeholder="pod-security.pss.privileged" required />
      <label className="flex flex-col text-xs text-slate-700">
        Scope
        <select value={scope} onChange={(e) => setScope(e.target.value as ScopeType)} className={input} name="scopeType">
          <option value="object">One object</option>
          <option value="namespace">A namespace</option>
          <option value="selector">A label selector</option>
        </select>
      </label>
      <Field label="Namespace" name="namespace" required={scope === 'namespace'} />
      {scope === 'object' && <Field label="Kind" name="kind" placeholder="Deployment" required />}
      {scope === 'object' && <Field label="Name" name="name" required />}
      {scope === 'selector' && <Field label="Label selector" name="selector" placeholder="app=web,tier!=db" required />}
      <Field label="Owner" name="owner" required />
      <Field label={`Expires (at most ${maxDays} days)`} name="expires" type="date" required />
      <Field label="Reason" name="reason" required />
      <div className="flex items-end gap-2 sm:col-span-3">
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
          Add exception
        </button>
        {result && (
          <p role="status" className={`text-xs ${result.ok ? 'text-green-800' : 'text-red-800'}`}>
            {result.text}
          </p>
        )}
      </div>
    </form>
  );
}

function Field({ label, ...rest }: { label: string; name: string; placeholder?: string; required?: boolean; type?: string }) {
  return (
    <label className="flex flex-col text-xs text-slate-700">
      {label}
      <input {...rest} className={input} maxLength={1000} />
    </label>
  );
}

export function DeleteExceptionButton({ id }: { id: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <button
        type="button"
        className="text-xs text-red-800 underline"
        onClick={async () => {
          const res = await fetch(`/api/exceptions/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch(() => null);
          if (res?.ok) router.refresh();
          else setError(res ? (((await res.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${res.status}`) : 'network error');
        }}
      >
        Delete
      </button>
      {error && (
        <span role="status" className="ml-1 text-xs text-red-800">
          {error}
        </span>
      )}
    </span>
  );
}
