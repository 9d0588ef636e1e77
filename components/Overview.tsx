'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { PostureDocument } from '@/lib/posture/types';
import { AppHeader } from './AppHeader';
import { AreaCard } from './AreaCard';
import { FindingsByAreaChart } from './FindingsByAreaChart';
import { NotAssessed } from './NotAssessed';
import { ScoreMeter } from './ScoreMeter';
import { SeverityCounts } from './SeverityCounts';
import { TopRisks } from './TopRisks';
import { countBySeverity } from '@/lib/posture/scoring';

async function fetchPosture(): Promise<PostureDocument> {
  const res = await fetch('/api/posture', { cache: 'no-store' });
  if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${res.status}`);
  return res.json();
}

/** The overview: refreshes itself from /api/posture; the server scans once for all viewers. */
export function Overview({ initial, initialError }: { initial: PostureDocument | null; initialError: string | null }) {
  const q = useQuery({ queryKey: ['posture'], queryFn: fetchPosture, initialData: initial ?? undefined, refetchInterval: 30_000 });
  const doc = q.data;
  const error = q.error ? q.error.message : initialError;
  if (!doc) return <ErrorPanel message={error ?? 'No posture yet.'} />;

  const native = doc.areas.filter((a) => a.kind === 'native');
  const uncovered = doc.areas.filter((a) => a.kind === 'uncovered');
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 p-4 sm:p-6">
      <AppHeader doc={doc} />

      {error && (
        <p className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900" role="status">
          The latest scan failed ({error}); showing the last good result.
        </p>
      )}
      {doc.missingKinds.some((m) => m.reason === 'forbidden' || m.reason === 'error') && <MissingKinds doc={doc} />}

      <section className="grid gap-4 lg:grid-cols-3" aria-label="Cluster summary">
        <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Cluster score</h2>
          <ScoreMeter score={doc.score} size="lg" label="Cluster score" />
          <SeverityCounts counts={countBySeverity(doc.findings)} href={(s) => `/findings?severity=${s}`} />
          <p className="text-xs text-slate-500">
            {doc.findings.length} findings from {doc.checks.filter((c) => c.assessed).length} assessed checks
            {doc.checks.some((c) => !c.assessed) ? `; ${doc.checks.filter((c) => !c.assessed).length} not assessed` : ''}.
          </p>
          <p className="mt-auto text-xs text-slate-500">
            Each score is the severity-weighted share of checks that pass. An open critical finding keeps it below 50 (poor), an open high below 80 (fair).
          </p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:col-span-2">
          <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Findings by area and severity</h2>
          <FindingsByAreaChart areas={doc.areas} />
        </div>
      </section>

      <AreaSection title="What Kubernetes provides" subtitle="Built-in security features, and how well this cluster uses them." areas={native} />
      <AreaSection
        title="What Kubernetes leaves to you"
        subtitle="Risks Kubernetes does nothing about: is another tool covering them, and what the API still reveals."
        areas={uncovered}
      />

      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="top-risks">
        <div className="mb-1 flex items-baseline justify-between">
          <h2 id="top-risks" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            Top risks
          </h2>
          <Link href="/findings" className="text-xs text-slate-600 underline">
            All {doc.findings.length} findings
          </Link>
        </div>
        <TopRisks findings={doc.findings} />
      </section>

      <NotAssessed checks={doc.checks} />
    </div>
  );
}

function AreaSection({ title, subtitle, areas }: { title: string; subtitle: string; areas: PostureDocument['areas'] }) {
  const id = title.toLowerCase().replace(/\W+/g, '-');
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <div>
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-xs text-slate-500">{subtitle}</p>
      </div>
      <div className={`grid gap-4 sm:grid-cols-2 ${areas.length > 4 ? 'lg:grid-cols-5' : 'lg:grid-cols-4'}`}>
        {areas.map((a) => (
          <AreaCard key={a.id} area={a} />
        ))}
      </div>
    </section>
  );
}

function MissingKinds({ doc }: { doc: PostureDocument }) {
  const notRead = doc.missingKinds.filter((m) => m.reason === 'forbidden' || m.reason === 'error');
  return (
    <div className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900" role="status">
      <p className="font-medium">Some kinds could not be read; the checks that need them are marked not assessed.</p>
      <ul className="mt-1 list-disc pl-5 text-xs">
        {notRead.map((m) => (
          <li key={m.resource}>
            <span className="font-mono">{m.resource}</span>: {m.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ErrorPanel({ message }: { message: string }) {
  return (
    <div className="mx-auto max-w-2xl p-6">
      <h1 className="text-lg font-semibold">kube-posture</h1>
      <div className="mt-4 rounded border border-red-300 bg-red-50 p-4 text-red-900" role="alert">
        <p className="font-medium">The cluster could not be scanned.</p>
        <p className="mt-1 font-mono text-xs">{message}</p>
      </div>
    </div>
  );
}
