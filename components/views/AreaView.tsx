// One area of a posture: its checks and findings. The live page and a snapshot's page
// (under its base path, see PostureLink) render the same view.
import { notFound } from 'next/navigation';
import { ChecksTable } from '@/components/ChecksTable';
import { CoverageBadge } from '@/components/CoverageBadge';
import { FindingsTable } from '@/components/FindingsTable';
import { PostureLink as Link } from '@/components/PostureLink';
import { ScoreMeter } from '@/components/ScoreMeter';
import { SeverityCounts } from '@/components/SeverityCounts';
import { AREAS } from '@/lib/posture/areas';
import { orderChecksForReview } from '@/lib/posture/check-order';
import { PAGE_SIZE } from '@/lib/posture/findings-query';
import type { PostureSource } from './source';
import { ViewPage } from './ViewPage';

/** `id` comes from the URL: an area this document does not have is a 404. */
export function AreaView({ source, id }: { source: PostureSource; id: string }) {
  const { doc } = source;
  const meta = AREAS.find((a) => a.id === id);
  const area = meta && doc.areas.find((a) => a.id === meta.id);
  if (!meta || !area) notFound();
  const checks = orderChecksForReview(doc.checks.filter((c) => c.area === meta.id));
  const findings = doc.findings.filter((f) => f.area === meta.id);

  return (
    <ViewPage
      source={source}
      parent={{ href: '/', label: 'Overview' }}
      here={meta.kind === 'native' ? 'What Kubernetes provides' : 'What Kubernetes leaves to you'}
    >
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-3" aria-labelledby="area-title">
        <div className="md:col-span-2">
          <div className="flex flex-wrap items-center gap-2">
            <h1 id="area-title" className="text-xl font-semibold">
              {meta.title}
            </h1>
            {area.coverage && <CoverageBadge status={area.coverage.status} />}
          </div>
          <p className="mt-2 max-w-prose text-slate-700">{meta.summary}</p>
          {/* Live and cluster-wide only (inventory is kept for those): the events name any namespace's objects. */}
          {meta.id === 'api-abuse' && !source.view && source.inventory && (
            <p className="mt-2">
              <a href="/audit" className="underline">
                Recent audit events
              </a>
            </p>
          )}
          {area.coverage && (
            <div className="mt-3 text-slate-700">
              {area.coverage.tools.length > 0 ? (
                <ul className="list-disc pl-5">
                  {area.coverage.tools.map((t) => (
                    <li key={t.name + t.evidence}>
                      <span className="font-medium">{t.name}</span> — {t.role}. <span className="text-xs text-slate-500">Evidence: {t.evidence}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {area.coverage.suggestion && <p className="mt-1">{area.coverage.suggestion}</p>}
            </div>
          )}
        </div>
        <div className="flex flex-col gap-2">
          <ScoreMeter score={area.score} size="lg" label={`${meta.title} score`} />
          <SeverityCounts counts={area.counts} href={(s) => `/findings?area=${area.id}&severity=${s}`} />
          <p className="text-xs text-slate-500">
            {area.checks.passed} passed · {area.checks.failed} failed · {area.checks.notAssessed} not assessed
          </p>
        </div>
      </section>
      <section aria-labelledby="checks" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="checks" className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
          Checks
        </h2>
        <ChecksTable checks={checks} />
      </section>
      <section aria-labelledby="findings" className="flex flex-col gap-2">
        <h2 id="findings" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          Findings ({findings.length})
        </h2>
        {/* A large cluster has thousands: the first page here, the rest on the findings page. */}
        <FindingsTable findings={findings.slice(0, PAGE_SIZE)} caption={`Findings in ${meta.title}`} />
        {findings.length > PAGE_SIZE && (
          <p className="text-xs text-slate-600">
            Showing the first {PAGE_SIZE} of {findings.length}, most severe first.{' '}
            <Link href={`/findings?area=${meta.id}`} className="underline">
              All {findings.length} findings in {meta.title}
            </Link>
          </p>
        )}
      </section>
    </ViewPage>
  );
}
