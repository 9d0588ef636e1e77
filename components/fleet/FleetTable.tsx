// /fleet: every pushed cluster the viewer may see, a label filter (a plain GET form: no client
// script), the changes that cut the most attack paths across them, and the checks failing in the
// most clusters. Server-rendered only.
import Link from 'next/link';
import { FleetFixFirst } from './FleetFixFirst';
import { ageText, type FleetOverview } from '@/lib/fleet/overview';
import { scoreBand } from '@/lib/posture/scoring';

const BAND = { poor: 'text-band-poor', fair: 'text-band-fair', good: 'text-band-good' } as const;
const STALE = 'ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900';

export function FleetTable({ fleet, filter }: { fleet: FleetOverview; filter: Record<string, string> }) {
  const keys = Object.keys(fleet.labels).sort();
  return (
    <>
      {keys.length > 0 && (
        <form
          method="get"
          action="/fleet"
          className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          aria-label="Filter clusters by label"
        >
          {keys.map((k) => (
            <label key={k} className="flex flex-col gap-1 text-xs text-slate-700">
              {k}
              <select name={k} defaultValue={filter[k] ?? ''} className="rounded border border-slate-300 px-2 py-1 text-sm">
                <option value="">any</option>
                {fleet.labels[k]!.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
            Filter
          </button>
        </form>
      )}
      <p className="text-sm text-slate-700" data-testid="fleet-summary">
        {fleet.total} cluster{fleet.total === 1 ? '' : 's'}
        {fleet.stale > 0 && <>, {fleet.stale} without a recent report</>}
      </p>
      {fleet.total === 0 ? (
        <p className="text-slate-600">No cluster to show. An agent appears here after its first report (kube-posture scan --push).</p>
      ) : (
        <div className="overflow-x-auto">
          {/* 500 clusters are 500 rows: their cells are styled from the table (no class per cell), their links are plain
              anchors (no client component, no prefetch), so the page and its RSC payload stay small (bench: /fleet). */}
          <table className="w-full border-collapse rounded-lg bg-white text-left text-sm shadow-sm [&_td]:p-2 [&_th]:p-2 [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-100 [&_td:first-child]:font-medium [&_td:last-child]:text-xs [&_td:last-child]:text-slate-700 [&_td_a]:text-indigo-800 [&_td_a]:underline">
            <caption className="sr-only">Clusters reporting to this hub</caption>
            <thead className="bg-slate-50 text-xs text-slate-600">
              <tr>
                <th>Cluster</th>
                <th>Score</th>
                <th>Trend (1 day)</th>
                <th>Critical</th>
                <th>High</th>
                <th>Medium</th>
                <th>Last report</th>
                <th>Labels</th>
              </tr>
            </thead>
            <tbody>
              {fleet.rows.map((r) => (
                <tr key={r.name}>
                  <td>{r.score === null ? r.name : <a href={`/fleet/${encodeURIComponent(r.name)}`}>{r.name}</a>}</td>
                  <td className={r.score === null ? undefined : `font-semibold ${BAND[scoreBand(r.score)]}`}>{r.score ?? '—'}</td>
                  <td>{r.trend === null ? '—' : r.trend > 0 ? `▲ +${r.trend}` : r.trend < 0 ? `▼ ${r.trend}` : '± 0'}</td>
                  <td>{r.counts.critical}</td>
                  <td>{r.counts.high}</td>
                  <td>{r.counts.medium}</td>
                  <td>
                    {r.ageMs === null ? 'never' : ageText(r.ageMs)}
                    {r.stale && <span className={STALE}>stale</span>}
                  </td>
                  <td>
                    {Object.entries(r.labels)
                      .map(([k, v]) => `${k}=${v}`)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FleetFixFirst fixes={fleet.fixFirst} />
      {fleet.topFailing.length > 0 && (
        <section aria-labelledby="top-failing" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="top-failing" className="text-base font-semibold">
            Checks failing in the most clusters
          </h2>
          <ol className="list-decimal pl-5 text-sm">
            {fleet.topFailing.map((c) => (
              <li key={c.checkId}>
                <Link href={`/checks/${encodeURIComponent(c.checkId)}`} className="font-mono text-indigo-800 underline">
                  {c.checkId}
                </Link>{' '}
                in {c.clusters} of {fleet.total}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
