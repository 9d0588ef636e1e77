'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';

/** Picks the kubeconfig context to show; each context's posture is its own. Hidden with one context. */
export function ContextPicker() {
  const { data } = useQuery({
    queryKey: ['contexts'],
    queryFn: async () => (await fetch('/api/contexts')).json() as Promise<{ contexts: string[]; selected: string | null }>,
    staleTime: 60_000,
  });
  const queryClient = useQueryClient();
  const router = useRouter();
  // A visitor not signed in to any cluster gets 401 ({error}), not a list: nothing to pick.
  if (!Array.isArray(data?.contexts) || data.contexts.length < 2) return null;

  async function pick(context: string) {
    const res = await fetch('/api/contexts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ context }) });
    if (!res.ok) return;
    await queryClient.invalidateQueries();
    router.refresh();
  }

  return (
    <span className="inline-flex items-center gap-1 text-xs">
      <label htmlFor="context-picker" className="text-slate-500">
        Context
      </label>
      <select
        id="context-picker"
        value={data.selected ?? ''}
        onChange={(e) => pick(e.target.value)}
        className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono"
      >
        {data.contexts.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </span>
  );
}
