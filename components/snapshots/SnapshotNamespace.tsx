// A namespace as a snapshot recorded it. A snapshot keeps the posture document, not the
// inventory, so this shows the namespace's score, facts and findings but no workload list.
import { AppHeader, type SnapshotView } from '@/components/AppHeader';
import { FindingsTable } from '@/components/FindingsTable';
import { PodSecurityLevel } from '@/components/PodSecurityLevel';
import { PostureLink as Link } from '@/components/PostureLink';
import { ScoreMeter } from '@/components/ScoreMeter';
import { SeverityCounts } from '@/components/SeverityCounts';
import type { NamespaceSummary, PostureDocument } from '@/lib/posture/types';

export function SnapshotNamespace({ doc, ns, snapshot }: { doc: PostureDocument; ns: NamespaceSummary; snapshot: SnapshotView }) {
  const findings = doc.findings
    .filter((f) => f.resource.namespace === ns.name)
    .sort((a, b) => `${a.resource.kind}/${a.resource.name}`.localeCompare(`${b.resource.kind}/${b.resource.name}`));
  const facts: [string, number][] = [
    ['Workloads', ns.objects.workloads],
    ['Pods', ns.objects.pods],
    ['NetworkPolicies', ns.objects.networkPolicies],
    ['ResourceQuotas', ns.objects.resourceQuotas],
    ['LimitRanges', ns.objects.limitRanges],
  ];
  const q = (s: string) => `/findings?namespace=${encodeURIComponent(ns.name)}&severity=${s}`;
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <AppHeader doc={doc} snapshot={snapshot} />
      <nav className="text-xs text-slate-500" aria-label="Breadcrumb">
        <Link href="/" className="hover:underline">
          Overview
        </Link>{' '}
        / <span className="font-mono">{ns.name}</span>
      </nav>
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-3" aria-labelledby="ns-title">
        <div className="flex flex-col gap-2">
          <h1 id="ns-title" className="font-mono text-xl font-semibold">
            {ns.name}
          </h1>
          <ScoreMeter score={ns.score} size="lg" label={`${ns.name} score`} />
          <SeverityCounts counts={ns.counts} href={q} />
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
      </section>
      <section aria-labelledby="ns-findings" className="flex flex-col gap-2">
        <h2 id="ns-findings" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          What was wrong here ({findings.length})
        </h2>
        <FindingsTable findings={findings} caption={`Findings in namespace ${ns.name}`} />
      </section>
    </div>
  );
}
