// A plain-text rendering of the posture document for terminals.
import type { PostureDocument } from '../posture/types';
import { formatFixFirst } from './format-attack-paths';

export function formatTable(doc: PostureDocument): string {
  const lines: string[] = [];
  lines.push(
    `kube-posture  cluster ${doc.cluster.name} (${doc.cluster.source}${doc.cluster.version ? `, ${doc.cluster.version}` : ''})  score ${doc.score}/100`,
  );
  lines.push('');
  lines.push(...formatFixFirst(doc));
  lines.push(row(['AREA', 'SCORE', 'CRIT', 'HIGH', 'MED', 'LOW', 'COVERAGE'], [34, 6, 5, 5, 5, 5, 12]));
  for (const a of doc.areas) {
    lines.push(
      row(
        [
          a.title,
          a.score === null ? 'n/a' : String(a.score),
          ...(['critical', 'high', 'medium', 'low'] as const).map((s) => String(a.counts[s])),
          a.coverage?.status ?? '',
        ],
        [34, 6, 5, 5, 5, 5, 12],
      ),
    );
  }
  lines.push('');
  lines.push(row(['SEVERITY', 'CHECK', 'OBJECT', 'MESSAGE'], [9, 44, 48, 0]));
  for (const f of doc.findings) {
    const obj = `${f.resource.kind}/${f.resource.namespace ? f.resource.namespace + '/' : ''}${f.resource.name}`;
    lines.push(row([f.severity, f.checkId, obj, f.message], [9, 44, 48, 0]));
  }
  const notAssessed = doc.checks.filter((c) => !c.assessed);
  if (notAssessed.length) {
    lines.push('');
    lines.push('NOT ASSESSED');
    for (const c of notAssessed) lines.push(`  ${c.id}: ${c.reason ?? ''}`);
  }
  return lines.join('\n') + '\n';
}

function row(cells: string[], widths: number[]): string {
  // Control characters from cluster objects must not drive the terminal.
  return cells
    .map((c, i) => (widths[i] ? clean(c).padEnd(widths[i]!) : clean(c)))
    .join(' ')
    .trimEnd();
}

function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
