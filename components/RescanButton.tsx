'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

type State = { phase: 'idle' } | { phase: 'running'; done: number; total: number } | { phase: 'error'; message: string };

/** Rescans now and shows the kinds being listed; every open view then refreshes. */
export function RescanButton() {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const queryClient = useQueryClient();
  const router = useRouter();

  async function run() {
    setState({ phase: 'running', done: 0, total: 0 });
    try {
      const res = await fetch('/api/scan', { method: 'POST' });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) {
          const e = JSON.parse(line) as { type: string; done?: number; total?: number; message?: string };
          if (e.type === 'error') throw new Error(e.message);
          if (e.done !== undefined && e.total !== undefined) setState({ phase: 'running', done: e.done, total: e.total });
        }
      }
      await queryClient.invalidateQueries({ queryKey: ['posture'] });
      router.refresh();
      setState({ phase: 'idle' });
    } catch (err) {
      setState({ phase: 'error', message: (err as Error).message });
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={run}
        disabled={state.phase === 'running'}
        className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      >
        {state.phase === 'running' ? 'Scanning…' : 'Rescan'}
      </button>
      <span role="status" className="text-xs text-slate-500">
        {state.phase === 'running' && state.total > 0 && `${state.done} / ${state.total} kinds listed`}
        {state.phase === 'error' && <span className="text-red-800">Rescan failed: {state.message}</span>}
      </span>
    </span>
  );
}
