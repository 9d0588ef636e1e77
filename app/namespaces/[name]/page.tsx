import Link from 'next/link';
import { AppHeader } from '@/components/AppHeader';
import { FindingsTable } from '@/components/FindingsTable';
import { NamespaceAccess } from '@/components/NamespaceAccess';
import { defaultDenyText } from '@/components/NamespaceGuards';
import { PodSecurityLevel } from '@/components/PodSecurityLevel';
import { ScoreMeter } from '@/components/ScoreMeter';
import { SeverityCounts } from '@/components/SeverityCounts';
import { WorkloadsTable } from '@/components/WorkloadsTable';
import { countBySeverity } from '@/lib/posture/scoring';
import { loadNamespacePage } from '@/lib/server/namespace-page';

export const dynamic = 'force-dynamic';

export default async function NamespacePage({ params }: { params: Promise<{ name: string }> }) {
  const name = decodeURIComponent((await params).name);
  // The viewer's share: cluster-wide grants reaching the namespace without names from elsewhere (lib/server/namespace-page.ts).
  const { doc, ns, findings, workloads, access } = await loadNamespacePage(name);
  const facts: [string, string | number][] = [
    ['Workloads', ns.objects.workloads],
    ['Pods', ns.objects.pods],
    ['NetworkPolicies', ns.objects.networkPolicies],
    ['Default deny', defaultDenyText(ns.defaultDeny)],
    ['ResourceQuotas', ns.objects.resourceQuotas],
    ['LimitRanges', ns.objects.limitRanges],
  ];

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <AppHeader doc={doc} />
      <nav className="text-xs text-slate-500" aria-label="Breadcrumb">
        <Link href="/namespaces" className="hover:underline">
          Namespaces
        </Link>{' '}
        / <span className="font-mono">{name}</span>
      </nav>
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-3" aria-labelledby="ns-title">
        <div className="flex flex-col gap-2">
          <h1 id="ns-title" className="font-mono text-xl font-semibold">
            {name}
          </h1>
          <ScoreMeter score={ns.score} size="lg" label={`${name} score`} />
          <SeverityCounts counts={ns.counts} href={(s) => `/findings?namespace=${encodeURIComponent(name)}&severity=${s}`} />
        </div>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 self-start text-xs">
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
        <table className="self-start text-left text-xs">
          <caption className="mb-1 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500">By area</caption>
          <tbody className="divide-y divide-slate-100">
            {doc.areas.map((a) => {
              const counts = countBySeverity(findings.filter((f) => f.area === a.id));
              return (
                <tr key={a.id}>
                  <th scope="row" className="py-1 pr-3 font-normal text-slate-700">
                    <Link href={`/areas/${a.id}`} className="hover:underline">
                      {a.title}
                    </Link>
                  </th>
                  <td className="py-1">
                    <SeverityCounts counts={counts} href={(s) => `/findings?namespace=${encodeURIComponent(name)}&area=${a.id}&severity=${s}`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="ns-workloads" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="ns-workloads" className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
          Workloads ({workloads.length})
        </h2>
        <WorkloadsTable namespace={name} workloads={workloads} findings={findings} />
      </section>
      {access && (
        <section aria-labelledby="ns-access" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="ns-access" className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
            Who can act here
          </h2>
          <NamespaceAccess namespace={name} local={access.local} clusterWide={access.clusterWide} />
        </section>
      )}
      <section aria-labelledby="ns-findings" className="flex flex-col gap-2">
        <h2 id="ns-findings" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          What is wrong here ({findings.length})
        </h2>
        <FindingsTable
          findings={[...findings].sort((a, b) => `${a.resource.kind}/${a.resource.name}`.localeCompare(`${b.resource.kind}/${b.resource.name}`))}
          caption={`Findings in namespace ${name}`}
        />
      </section>
    </div>
  );
}
