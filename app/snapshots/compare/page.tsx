import Link from 'next/link';
import { SEVERITY_BADGE, SEVERITY_LABEL } from '@/components/severity';
import { severityRank } from '@/lib/posture/scoring';
import type { Finding } from '@/lib/posture/types';
import { loadComparePair } from '@/lib/server/snapshot-pages';
import { comparePostures, type ScoreDelta } from '@/lib/snapshots/compare';

export const dynamic = 'force-dynamic';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  // Both of this cluster, for a cluster-wide viewer of it (lib/server/snapshot-pages.ts); else 404.
  const { from, to } = await loadComparePair(one(sp.from), one(sp.to));
  const c = comparePostures(from.document, to.document);
  const areaTitle = new Map([...from.document.areas, ...to.document.areas].map((a) => [a.id, a.title]));
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-5 p-4 sm:p-6">
      <header className="flex flex-wrap items-baseline gap-3 border-b border-slate-200 pb-3">
        <Link href="/" className="text-lg font-semibold tracking-tight hover:underline">
          kube-posture
        </Link>
        <Link href="/snapshots" className="text-xs text-slate-600 hover:underline">
          Snapshots
        </Link>
      </header>
      <h1 className="text-xl font-semibold">Compare snapshots</h1>
      <p className="text-sm text-slate-700">
        From{' '}
        <Link className="underline" href={`/snapshots/${from.id}`}>
          {from.cluster} · {when(from.takenAt)}
          {from.label ? ` · ${from.label}` : ''}
        </Link>{' '}
        to{' '}
        <Link className="underline" href={`/snapshots/${to.id}`}>
          {to.cluster} · {when(to.takenAt)}
          {to.label ? ` · ${to.label}` : ''}
        </Link>
        .{from.cluster !== to.cluster && <strong className="ml-1 text-amber-800">These are snapshots of different clusters.</strong>}
      </p>

      <section aria-label="Summary" className="flex flex-wrap gap-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div>
          <div className="text-xs text-slate-500">Cluster score</div>
          <div className="text-2xl font-semibold tabular-nums" data-testid="score-change">
            {c.score.from} → {c.score.to} <Delta d={c.score} />
          </div>
        </div>
        <Count label="New findings" n={c.counts.new} testid="count-new" />
        <Count label="Fixed findings" n={c.counts.fixed} testid="count-fixed" />
        <Count label="Unchanged" n={c.counts.unchanged} testid="count-unchanged" />
      </section>

      <div className="grid gap-5 lg:grid-cols-2">
        <DeltaTable caption="Score by area" head="Area" rows={c.areas.map((d) => ({ ...d, name: areaTitle.get(d.key) ?? d.key }))} />
        <DeltaTable caption="Score by namespace" head="Namespace" rows={c.namespaces.map((d) => ({ ...d, name: d.key }))} />
      </div>

      <FindingList title="New findings" testid="new-findings" findings={c.findings.new} empty="No new findings." />
      <FindingList title="Fixed findings" testid="fixed-findings" findings={c.findings.fixed} empty="No fixed findings." />
      <details>
        <summary className="cursor-pointer text-sm font-semibold">Unchanged findings ({c.counts.unchanged})</summary>
        <FindingList title="Unchanged findings" testid="unchanged-findings" findings={c.findings.unchanged} empty="None." />
      </details>
    </div>
  );
}

function Count({ label, n, testid }: { label: string; n: number; testid: string }) {
  return (
    <div>
      <div className="text-xs text-slate-500">{label}</div>
      <div className="text-2xl font-semibold tabular-nums" data-testid={testid}>
        {n}
      </div>
    </div>
  );
}

function Delta({ d }: { d: ScoreDelta }) {
  if (d.delta === null) return <span className="text-xs text-slate-500">{d.from === null ? 'new' : d.to === null ? 'gone' : ''}</span>;
  if (d.delta === 0) return <span className="text-xs text-slate-500">±0</span>;
  return <span className={`text-sm ${d.delta > 0 ? 'text-green-800' : 'text-red-800'}`}>{d.delta > 0 ? `+${d.delta}` : d.delta}</span>;
}

function DeltaTable({ caption, head, rows }: { caption: string; head: string; rows: (ScoreDelta & { name: string })[] }) {
  return (
    <table className="w-full border-collapse rounded-lg bg-white text-left text-sm shadow-sm">
      <caption className="p-2 text-left text-sm font-semibold">{caption}</caption>
      <thead className="bg-slate-50 text-xs text-slate-600">
        <tr>
          <th className="p-2">{head}</th>
          <th className="p-2">Before</th>
          <th className="p-2">After</th>
          <th className="p-2">Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-t border-slate-100">
            <td className="p-2">{r.name}</td>
            <td className="p-2 tabular-nums">{r.from ?? '—'}</td>
            <td className="p-2 tabular-nums">{r.to ?? '—'}</td>
            <td className="p-2">
              <Delta d={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FindingList({ title, findings, empty, testid }: { title: string; findings: Finding[]; empty: string; testid: string }) {
  const sorted = [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.checkId.localeCompare(b.checkId));
  return (
    <section aria-label={title} data-testid={testid}>
      <h2 className="mb-1 text-base font-semibold">
        {title} ({findings.length})
      </h2>
      {sorted.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm">
          {sorted.map((f) => (
            <li key={JSON.stringify([f.checkId, f.resource])} className="rounded border border-slate-200 bg-white p-2">
              <span className={`mr-2 rounded px-1.5 py-0.5 text-xs ${SEVERITY_BADGE[f.severity]}`}>{SEVERITY_LABEL[f.severity]}</span>
              <span className="font-medium">{f.title}</span>{' '}
              <span className="font-mono text-xs text-slate-600">
                {f.resource.kind} {f.resource.namespace ? `${f.resource.namespace}/` : ''}
                {f.resource.name}
              </span>
              <div className="text-xs text-slate-600">{f.message}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
