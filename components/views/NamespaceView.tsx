// One namespace of a posture: its score and guards, its findings by area, its workloads and
// who can act there. The list is every finding the namespace's counts count (its Namespace
// object's own included), live or stored. A snapshot keeps the document, not the inventory:
// its workloads are those its findings name, and the bindings say they are not in snapshots.
import { notFound } from 'next/navigation';
import { FindingsTable } from '@/components/FindingsTable';
import { NamespaceAccess } from '@/components/NamespaceAccess';
import { defaultDenyText } from '@/components/NamespaceGuards';
import { PodSecurityLevel } from '@/components/PodSecurityLevel';
import { PostureLink as Link } from '@/components/PostureLink';
import { ScoreMeter } from '@/components/ScoreMeter';
import { SeverityCounts } from '@/components/SeverityCounts';
import { WorkloadsTable, workloadsNamedBy } from '@/components/WorkloadsTable';
import { filterFindings, parseFindingsQuery } from '@/lib/posture/findings-query';
import type { Workload } from '@/lib/cluster/types';
import type { AccessRow } from '@/lib/posture/rbac/namespace-access';
import { countBySeverity } from '@/lib/posture/scoring';
import { isOpen } from '@/lib/posture/types';
import type { PostureSource } from './source';
import { ViewPage } from './ViewPage';

const SECTION = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm';
const H2 = 'mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500';

/** What only a live posture has, already cut to the viewer by lib/server/namespace-page.ts. */
export interface LiveNamespace {
  workloads: Workload[];
  access: { local: AccessRow[]; clusterWide: AccessRow[] } | null;
}

/** `name` comes from the URL: a namespace this document does not have is a 404. */
export function NamespaceView({ source, name: raw, live }: { source: PostureSource; name: string; live?: LiveNamespace }) {
  const { doc, view } = source;
  const name = decodeURIComponent(raw);
  const ns = doc.namespaces.find((n) => n.name === name);
  if (!ns) notFound();
  const listed = filterFindings(doc.findings, parseFindingsQuery({ namespace: name, sort: 'object' }));
  // The counts are of open findings; by-design and accepted ones get their own list below.
  const findings = listed.filter(isOpen);
  const triaged = listed.filter((f) => !isOpen(f));
  const link = (more: string) => (s: string) => `/findings?namespace=${encodeURIComponent(name)}${more}&severity=${s}`;
  const facts: [string, string | number][] = [
    ['Workloads', ns.objects.workloads],
    ['Pods', ns.objects.pods],
    ['NetworkPolicies', ns.objects.networkPolicies],
    ['Default deny', defaultDenyText(ns.defaultDeny)],
    ['ResourceQuotas', ns.objects.resourceQuotas],
    ['LimitRanges', ns.objects.limitRanges],
  ];

  return (
    <ViewPage source={source} parent={{ href: '/namespaces', label: 'Namespaces' }} here={<span className="font-mono">{name}</span>}>
      <section className={`grid gap-6 md:grid-cols-2 xl:grid-cols-[minmax(14rem,1fr)_auto_auto] ${SECTION}`} aria-labelledby="ns-title">
        <div className="flex flex-col gap-2">
          <h1 id="ns-title" className="font-mono text-xl font-semibold">
            {name}
          </h1>
          <ScoreMeter score={ns.score} size="lg" label={`${name} score`} />
          <SeverityCounts counts={ns.counts} href={link('')} />
        </div>
        <dl className="grid grid-cols-[auto_auto] gap-x-4 gap-y-1 self-start text-xs">
          <dt className="text-slate-500">Pod Security (enforce)</dt>
          <dd>
            <PodSecurityLevel podSecurity={ns.podSecurity} />
          </dd>
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-500">{k}</dt>
              <dd className="tabular-nums">{v}</dd>
            </div>
          ))}
        </dl>
        <table className="self-start text-left text-xs md:col-span-2 xl:col-span-1">
          <caption className="mb-1 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500">By area</caption>
          <tbody className="divide-y divide-slate-100">
            {doc.areas.map((a) => (
              <tr key={a.id}>
                <th scope="row" className="py-1 pr-4 font-normal text-slate-700">
                  <Link href={`/areas/${a.id}`} className="hover:underline">
                    {a.title}
                  </Link>
                </th>
                <td className="py-1">
                  <SeverityCounts counts={countBySeverity(findings.filter((f) => f.area === a.id))} href={link(`&area=${a.id}`)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="ns-workloads" className={SECTION}>
        <h2 id="ns-workloads" className={H2}>
          Workloads ({ns.objects.workloads})
        </h2>
        {live ? (
          <WorkloadsTable namespace={name} workloads={live.workloads} findings={findings} />
        ) : (
          <>
            <NotInSource what="Workloads with no finding and pod counts are" stored={!!view} />
            <WorkloadsTable namespace={name} workloads={workloadsNamedBy(findings)} findings={findings} />
          </>
        )}
      </section>
      <section aria-labelledby="ns-access" className={SECTION}>
        <h2 id="ns-access" className={H2}>
          Who can act here
        </h2>
        {live?.access ? <NamespaceAccess namespace={name} {...live.access} /> : <NotInSource what="Who can act here is" stored={!!view} />}
      </section>
      <section aria-labelledby="ns-findings" className="flex flex-col gap-2">
        <h2 id="ns-findings" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {view ? 'What was wrong here' : 'What is wrong here'} ({findings.length})
        </h2>
        <FindingsTable findings={findings} caption={`Findings in namespace ${name}`} />
      </section>
      {triaged.length > 0 && (
        <section aria-labelledby="ns-triaged" className="flex flex-col gap-2">
          <h2 id="ns-triaged" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            By design or accepted ({triaged.length}): not counted
          </h2>
          <FindingsTable findings={triaged} caption={`Not counted in ${name}: by design or accepted`} />
        </section>
      )}
    </ViewPage>
  );
}

/** Said, not dropped: what needs the cluster's objects, which a stored document does not carry. */
export function NotInSource({ what, stored }: { what: string; stored: boolean }) {
  return (
    <p className="mb-2 text-slate-600" data-testid="not-in-source">
      {what}{' '}
      {stored
        ? 'not in snapshots: a snapshot keeps the posture document, not the cluster’s objects.'
        : 'not known: this posture was not read from the cluster’s objects.'}
    </p>
  );
}
