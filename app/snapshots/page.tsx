import Link from 'next/link';
import { AppHeader } from '@/components/AppHeader';
import { DataTable } from '@/components/DataTable';
import { scanTimeIfDifferent, utcTime } from '@/components/snapshot-time';
import { ImportSnapshotForm } from '@/components/snapshots/ImportSnapshotForm';
import { SnapshotActions } from '@/components/snapshots/SnapshotActions';
import { TakeSnapshotButton } from '@/components/snapshots/TakeSnapshotButton';
import { scoreBand } from '@/lib/posture/scoring';
import { getPosture } from '@/lib/server/posture-service';
import { viewerSnapshots } from '@/lib/server/snapshot-pages';
import { requestScope } from '@/lib/server/snapshot-service';
import { groupSnapshots } from '@/lib/snapshots/list-view';
import type { SnapshotMeta } from '@/lib/snapshots/store';

export const dynamic = 'force-dynamic';

const BAND = { poor: 'text-band-poor', fair: 'text-band-fair', good: 'text-band-good' } as const;

export default async function SnapshotsPage() {
  const snapshots = await viewerSnapshots(); // this cluster's, for cluster-wide viewers (lib/server/snapshot-access.ts)
  const [{ doc }, { scope }] = await Promise.all([getPosture(), requestScope()]);
  let all: SnapshotMeta[] = [];
  let storeError: string | null = null;
  try {
    all = await snapshots.list();
  } catch (e) {
    storeError = (e as Error).message;
  }
  const groups = groupSnapshots(all, scope);
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-5 p-4 sm:p-6">
      <AppHeader doc={doc} />
      <h1 className="text-xl font-semibold">Snapshots</h1>
      <p className="text-xs text-slate-600">
        A snapshot is the posture frozen at a moment: to compare after a change, share with an auditor, or attach to a ticket. Scheduled snapshots run when the
        server sets <code className="font-mono">SNAPSHOT_EVERY</code>.
      </p>
      {storeError && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          The snapshot store could not be opened: {storeError}
        </p>
      )}
      <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label="Take or import">
        <TakeSnapshotButton />
        <ImportSnapshotForm />
      </section>

      {all.length >= 2 && (
        <form
          method="get"
          action="/snapshots/compare"
          className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          aria-label="Compare two snapshots"
        >
          <CompareSelect name="from" label="From" snapshots={all} pick={1} />
          <CompareSelect name="to" label="To" snapshots={all} pick={0} />
          <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
            Compare
          </button>
        </form>
      )}

      {groups.length === 0 && !storeError && <p className="text-slate-600">No snapshots yet.</p>}
      {groups.map((g) => (
        <section key={g.cluster + g.current} aria-label={`Snapshots of ${g.cluster}`} className="flex flex-col gap-2">
          <h2 className="text-base font-semibold">
            {g.cluster} {g.current && <span className="text-xs font-normal text-slate-500">(this dashboard&apos;s cluster)</span>}
          </h2>
          <DataTable
            caption={`Snapshots of ${g.cluster}`}
            rows={g.snapshots}
            rowKey={(s) => s.id}
            rowTestId="snapshot-row"
            columns={[
              {
                header: 'Taken',
                cell: (s) => (
                  <>
                    <Link href={`/snapshots/${s.id}`} className="underline">
                      <time dateTime={s.createdAt}>{utcTime(s.createdAt)}</time>
                    </Link>
                    <ScanTime snapshot={s} />
                  </>
                ),
              },
              { header: 'Label', cell: (s) => s.label ?? <span className="text-slate-400">—</span> },
              { header: 'Score', cell: (s) => <span className={`font-semibold tabular-nums ${BAND[scoreBand(s.score)]}`}>{s.score}</span> },
              { header: 'Origin', cell: (s) => s.origin, className: 'text-xs text-slate-600' },
              {
                header: 'Download',
                className: 'text-xs',
                cell: (s) => (
                  <>
                    <a href={`/api/snapshots/${s.id}`} className="underline" download>
                      JSON
                    </a>{' '}
                    ·{' '}
                    <a href={`/api/snapshots/${s.id}/html`} className="underline" download>
                      HTML
                    </a>
                  </>
                ),
              },
              { header: 'Actions', cell: (s) => <SnapshotActions id={s.id} name={`${s.cluster} ${utcTime(s.createdAt)}`} /> },
            ]}
          />
        </section>
      ))}
    </div>
  );
}

function CompareSelect({ name, label, snapshots, pick }: { name: string; label: string; snapshots: SnapshotMeta[]; pick: number }) {
  return (
    <label className="flex flex-col text-xs text-slate-600">
      {label}
      <select name={name} defaultValue={snapshots[pick]?.id} className="rounded border border-slate-300 px-2 py-1 text-sm">
        {snapshots.map((s) => (
          <option key={s.id} value={s.id}>
            {s.cluster} · {utcTime(s.createdAt)}
            {s.label ? ` · ${s.label}` : ''} · {s.score}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The scan a snapshot holds, when it ran at another time than the snapshot was stored. */
function ScanTime({ snapshot }: { snapshot: SnapshotMeta }) {
  const scan = scanTimeIfDifferent(snapshot.createdAt, snapshot.takenAt);
  return scan ? (
    <div className="text-xs text-slate-600">
      scan <time dateTime={snapshot.takenAt}>{scan}</time>
    </div>
  ) : null;
}
