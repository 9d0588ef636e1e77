// The fix-first list for the terminal, printed before the rest of the table.
import type { PostureDocument } from '../posture/types';

export function formatFixFirst(doc: PostureDocument): string[] {
  const ap = doc.attackPaths;
  if (!ap) return [];
  const clean = (s: string) => s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '?');
  const c = ap.counts;
  const lines = [
    `ATTACK PATHS  cluster-admin ${c['cluster-admin']}  node ${c.node}  namespace Secrets ${c['namespace-secrets']}  all Secrets ${c['cluster-secrets']}  kube-system ${c['kube-system']}`,
  ];
  if (ap.fixFirst.length === 0) return [...lines, ''];
  lines.push('FIX FIRST');
  ap.fixFirst.forEach((f, i) => {
    const obj = `${f.object.kind}/${f.object.namespace ? `${f.object.namespace}/` : ''}${f.object.name}`;
    lines.push(clean(`  ${i + 1}. ${obj}  ${f.change}  (cuts ${f.removes['cluster-admin']} to cluster-admin, ${f.removes.node} to nodes)`));
    lines.push(clean(`     field: ${f.field}`));
    for (const l of f.patch.split('\n')) lines.push(clean(`     | ${l}`));
  });
  return [...lines, ''];
}
