// The checks table rates a check by what its findings can be, never below the worst of them.
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanDemo } from '@/lib/cluster/offline';
import { computePosture } from '@/lib/posture/engine';
import { severityRank } from '@/lib/posture/scoring';
import type { PostureDocument } from '@/lib/posture/types';
import { CheckSeverity, ChecksTable } from './ChecksTable';

const text = (el: React.ReactElement) => renderToStaticMarkup(el).replace(/<[^>]+>/g, '');

let doc: PostureDocument;
beforeAll(async () => {
  doc = computePosture(await scanDemo());
});

describe('ChecksTable severity', () => {
  it('shows a single severity, or the range from lowest to highest', () => {
    expect(text(<CheckSeverity check={{ severity: 'medium' }} />)).toBe('Medium');
    expect(text(<CheckSeverity check={{ severity: 'high', severityRange: ['high', 'critical'] }} />)).toBe('High–Critical');
  });

  it('on the demo, every check shows a highest severity at least as high as its worst finding', () => {
    const worst = new Map<string, number>();
    for (const f of doc.findings) worst.set(f.checkId, Math.min(worst.get(f.checkId) ?? 99, severityRank(f.severity)));
    const html = renderToStaticMarkup(<ChecksTable checks={doc.checks} />);
    const labels = ['Critical', 'High', 'Medium', 'Low', 'Info'];
    const low: string[] = [];
    for (const [id, rank] of worst) {
      const row = html.match(new RegExp(`data-check="${id.replace(/\./g, '\\.')}"[\\s\\S]*?</tr>`))![0];
      const badge = row.match(/font-semibold [^"]*"[^>]*>([A-Za-z–]+)<\/span>/)![1]!;
      const highest = labels.indexOf(badge.split('–').at(-1)!);
      if (highest > rank) low.push(`${id}: shows ${badge}, emits ${labels[rank]}`);
    }
    expect(worst.size).toBeGreaterThan(20);
    expect(low).toEqual([]);
  });
});
