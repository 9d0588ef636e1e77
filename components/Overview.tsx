'use client';
import { useQuery } from '@tanstack/react-query';
import type { OverviewData } from '@/lib/posture/overview-data';
import { AppHeader, type SnapshotView } from './AppHeader';
import { AreaCard } from './AreaCard';
import { ContextPicker } from './ContextPicker';
import { NotAssessed } from './NotAssessed';
import { OverviewCharts } from './OverviewCharts';
import { PostureLink as Link } from './PostureLink';
import type { TrendPoint } from './SvgCharts';
import { RescanButton } from './RescanButton';
import { ScanAge } from './ScanAge';
import { ScoreMeter } from './ScoreMeter';
import { SeverityCounts } from './SeverityCounts';
import { TopRisks } from './TopRisks';
import { scoreBand } from '@/lib/posture/scoring';

// Tailwind sees whole class names only, so each is written out.
const COLUMNS: Record<number, string> = { 5: 'lg:grid-cols-5', 6: 'lg:grid-cols-3', 3: 'lg:grid-cols-3' };

interface PostureState {
  doc: OverviewData | null;
  /** Why the server's latest scan failed; `doc` is then the last good one, if any. */
  error: string | null;
}

/** The server's posture as /api/posture/overview tells it: 200 (maybe stale, said in a header) or 503 with the reason. */
async function fetchPosture(): Promise<PostureState> {
  // no-cache, not no-store: the browser asks with the ETag it has, and an unchanged posture is a 304.
  const res = await fetch('/api/posture/overview', { cache: 'no-cache' });
  if (res.status === 503) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    return { doc: null, error: body.error ?? 'no posture yet' };
  }
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const stale = res.headers.get('X-Posture-Stale');
  return { doc: (await res.json()) as OverviewData, error: stale ? decodeURIComponent(stale) : null };
}

/** The overview: refreshes itself from /api/posture/overview; the server scans once for all viewers. */
export function Overview({
  initial,
  initialError,
  trend = [],
  snapshot,
}: {
  initial: OverviewData | null;
  initialError: string | null;
  trend?: TrendPoint[];
  /** A stored snapshot: shown as it is, never refreshed from the live posture. */
  snapshot?: SnapshotView;
}) {
  const q = useQuery({
    queryKey: snapshot ? ['snapshot', snapshot.takenAt, initial?.generatedAt] : ['posture'],
    enabled: !snapshot,
    queryFn: fetchPosture,
    initialData: { doc: initial, error: initialError },
    // The server just rendered this: no second fetch on hydration, then every 30 s.
    staleTime: 20_000,
    refetchInterval: 30_000,
  });
  const { doc, error } = q.data;
  // A failed refresh (the dashboard itself unreachable) keeps what is shown and says so.
  const refreshError = q.isRefetchError ? q.error.message : null;
  if (!doc) return <ErrorPanel message={error ?? 'No posture yet.'} />;

  const native = doc.areas.filter((a) => a.kind === 'native');
  const uncovered = doc.areas.filter((a) => a.kind === 'uncovered');
  const assessed = doc.checks.filter((c) => c.assessed).length;
  const notAssessed = doc.checks.length - assessed;
  const bands = { poor: 0, fair: 0, good: 0 };
  for (const a of doc.areas) if (a.score !== null) bands[scoreBand(a.score)]++;
  const unscored = doc.areas.filter((a) => a.score === null).length;
  const coverage = { covered: 0, partial: 0, 'not-covered': 0 };
  for (const a of uncovered) if (a.coverage) coverage[a.coverage.status]++;
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 p-4 sm:p-6">
      <AppHeader doc={doc} snapshot={snapshot} />
      <h1 className="sr-only">Security posture of {doc.cluster.name}</h1>

      {error && (
        <p className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900" role="status">
          The latest scan failed ({error}); showing the last good result, <ScanAge at={doc.generatedAt} />.
        </p>
      )}
      {refreshError && (
        <p className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900" role="status">
          The dashboard could not be reached to refresh ({refreshError}); showing what was last loaded.
        </p>
      )}
      {doc.missingKinds.some((m) => m.reason === 'forbidden' || m.reason === 'error') && <MissingKinds doc={doc} />}

      <section className="grid grid-cols-1 gap-4 lg:grid-cols-3" aria-label="Cluster summary">
        <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Cluster score</h2>
          <ScoreMeter score={doc.score} size="lg" label="Cluster score" />
          <SeverityCounts counts={doc.findingCounts} href={(s) => `/findings?severity=${s}`} />
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
            <dt className="text-slate-500">Findings</dt>
            <dd className="text-slate-800">
              <Link href="/findings" className="tabular-nums underline decoration-slate-300 hover:decoration-slate-600">
                {doc.findingTotal}
              </Link>{' '}
              from <span className="tabular-nums">{assessed}</span> assessed checks
              {notAssessed > 0 && (
                <>
                  {' '}
                  ·{' '}
                  <a href="#not-assessed" className="underline decoration-slate-300 hover:decoration-slate-600">
                    {notAssessed} not assessed
                  </a>
                </>
              )}
            </dd>
            <dt className="text-slate-500">Areas</dt>
            <dd className="flex flex-wrap gap-x-2 text-slate-800">
              <span>
                <span className="font-semibold tabular-nums text-band-poor">{bands.poor}</span> poor
              </span>
              <span>
                <span className="font-semibold tabular-nums text-band-fair">{bands.fair}</span> fair
              </span>
              <span>
                <span className="font-semibold tabular-nums text-band-good">{bands.good}</span> good
              </span>
              {unscored > 0 && (
                <span>
                  <span className="font-semibold tabular-nums">{unscored}</span> not assessed
                </span>
              )}
            </dd>
            <dt className="text-slate-500">Coverage</dt>
            <dd className="flex flex-wrap gap-x-2 text-slate-800" title="Of the areas Kubernetes leaves to you, how many another tool covers">
              <span>
                <span className="font-semibold tabular-nums text-green-800">{coverage.covered}</span> covered
              </span>
              <span>
                <span className="font-semibold tabular-nums text-amber-800">{coverage.partial}</span> partial
              </span>
              <span>
                <span className="font-semibold tabular-nums text-red-800">{coverage['not-covered']}</span> not covered
              </span>
            </dd>
          </dl>
          <p className="border-t border-slate-100 pt-2 text-xs text-slate-500">
            A score is the severity-weighted share of checks that pass: <span className="text-band-poor">poor</span> &lt; 50 ≤{' '}
            <span className="text-band-fair">fair</span> &lt; 80 ≤ <span className="text-band-good">good</span>. An open critical finding keeps it poor, an open
            high keeps it at most fair.
          </p>
        </div>
        <section className="rounded-lg border border-slate-200 bg-white p-4 min-w-0 shadow-sm lg:col-span-2" aria-labelledby="top-risks">
          <h2 id="top-risks" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            Top risks
          </h2>
          <p className="text-xs text-slate-500">
            What to fix first: {doc.attackPaths ? 'the changes that cut the most attack paths, then the most severe findings' : 'the most severe findings'}.
          </p>
          <TopRisks findings={doc.topRisks} limit={doc.topRisks.length} />
          {/* The full lists, a click away: every fix-first change on /attack-paths, every finding on /findings. */}
          <p className="flex flex-wrap gap-x-4 gap-y-1 border-t border-slate-100 pt-2 text-xs">
            {doc.attackPaths && doc.attackPaths.fixFirst.length > 0 && (
              <Link href="/attack-paths#paths-fix-first" className="text-slate-700 underline decoration-slate-300 hover:decoration-slate-600">
                All {doc.attackPaths.fixFirst.length} fix-first changes
              </Link>
            )}
            <Link href="/findings" className="text-slate-700 underline decoration-slate-300 hover:decoration-slate-600">
              All {doc.findingTotal} findings
            </Link>
          </p>
        </section>
      </section>

      <AreaSection title="What Kubernetes provides" subtitle="Built-in security features, and how well this cluster uses them." areas={native} />
      <AreaSection
        title="What Kubernetes leaves to you"
        subtitle="Risks Kubernetes does nothing about: is another tool covering them, and what the API still reveals."
        areas={uncovered}
      />

      <OverviewCharts areas={doc.areas} worst={doc.worstNamespaces} trend={trend} />

      <NotAssessed checks={doc.checks} />
    </div>
  );
}

function AreaSection({ title, subtitle, areas }: { title: string; subtitle: string; areas: OverviewData['areas'] }) {
  const id = title.toLowerCase().replace(/\W+/g, '-');
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <div>
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-xs text-slate-500">{subtitle}</p>
      </div>
      {/* Full rows: five areas in one, six in two of three (not five and one left alone). */}
      <div className={`grid gap-4 sm:grid-cols-2 ${COLUMNS[areas.length] ?? 'lg:grid-cols-4'}`}>
        {areas.map((a) => (
          <AreaCard key={a.id} area={a} />
        ))}
      </div>
    </section>
  );
}

function MissingKinds({ doc }: { doc: Pick<OverviewData, 'missingKinds'> }) {
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
    <div className="mx-auto flex max-w-3xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
        <h1 className="text-lg font-semibold tracking-tight">kube-posture</h1>
        <div className="flex flex-wrap items-center gap-3 text-xs text-slate-500">
          <ContextPicker />
          <RescanButton />
        </div>
      </header>
      <div className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950" role="alert" aria-labelledby="scan-failed">
        <h2 id="scan-failed" className="font-semibold">
          The cluster could not be scanned
        </h2>
        <p className="mt-2 break-words rounded bg-white/70 px-2 py-1 font-mono text-xs text-red-900 ring-1 ring-red-200">{message}</p>
        <p className="mt-3 text-xs text-red-900">
          kube-posture reads the cluster named by <code className="font-mono">KUBECONFIG</code> (and <code className="font-mono">KUBE_CONTEXT</code>), else the
          pod&apos;s service account, else the embedded demo. Check that the API server is reachable from here and that the credentials are valid, then rescan.
          This page also retries on its own every 30 seconds.
        </p>
      </div>
    </div>
  );
}
