import type { AccessRow } from '@/lib/posture/rbac/namespace-access';

export function AccessTable({ rows, caption, powersLabel = 'Notable powers' }: { rows: AccessRow[]; caption: string; powersLabel?: string }) {
  return (
    <table className="w-full border-collapse text-left text-xs">
      <caption className="mb-1 text-left text-[11px] font-semibold text-slate-500">{caption}</caption>
      <thead className="bg-slate-100 text-slate-600">
        <tr>
          <th scope="col" className="px-2 py-1.5 font-semibold">
            Subject
          </th>
          <th scope="col" className="px-2 py-1.5 font-semibold">
            Role (binding)
          </th>
          <th scope="col" className="px-2 py-1.5 font-semibold">
            {powersLabel}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={`${r.subject}|${r.binding}`}>
            <td className="px-2 py-1.5 font-mono wrap-anywhere">{r.subject}</td>
            <td className="px-2 py-1.5 wrap-anywhere">
              <span className="font-mono">{r.role}</span> <span className="text-slate-500">({r.binding})</span>
            </td>
            <td className="px-2 py-1.5">{r.powers.length ? r.powers.join(', ') : <span className="text-slate-500">none of note</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Who can act in a namespace: its own RoleBindings, then cluster-wide bindings that carry a notable power. */
export function NamespaceAccess({ namespace, local, clusterWide }: { namespace: string; local: AccessRow[]; clusterWide: AccessRow[] }) {
  return (
    <div className="flex flex-col gap-3">
      {local.length ? <AccessTable rows={local} caption={`RoleBindings in ${namespace}`} /> : <p className="text-slate-500">No RoleBinding in {namespace}.</p>}
      {clusterWide.length > 0 && <AccessTable rows={clusterWide} caption="Cluster-wide bindings that reach it too" />}
    </div>
  );
}
