// Area cards in the states the demo cluster does not show: nothing assessed, partial coverage.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AreaSummary } from '@/lib/posture/types';
import { AreaCard } from './AreaCard';

const base: AreaSummary = {
  id: 'runtime-security',
  kind: 'uncovered',
  title: 'Container runtime',
  score: 40,
  counts: { critical: 0, high: 2, medium: 0, low: 1, info: 0 },
  coverage: { status: 'not-covered', tools: [] },
  checks: { total: 3, passed: 1, failed: 2, notAssessed: 0 },
};

const text = (area: AreaSummary) =>
  renderToStaticMarkup(<AreaCard area={area} />)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('AreaCard', () => {
  it('says "not assessed" instead of a score when nothing could be assessed', () => {
    const t = text({ ...base, score: null, checks: { total: 3, passed: 0, failed: 0, notAssessed: 3 } });
    expect(t).toContain('Not assessed');
    expect(t).toContain('3 not assessed');
    expect(t).not.toContain('/ 100');
  });

  it('labels every severity count with a word, zeros included', () => {
    const t = text(base);
    for (const s of ['0 Critical', '2 High', '0 Medium', '1 Low']) expect(t).toContain(s);
  });

  it('shows the tools found and, when only partly covered, what would cover the rest', () => {
    const t = text({
      ...base,
      coverage: {
        status: 'partial',
        tools: [{ name: 'gVisor sandbox', role: 'isolates workloads', evidence: 'RuntimeClass gvisor' }],
        suggestion: 'Install a runtime detector.',
      },
    });
    expect(t).toContain('Partial');
    expect(t).toContain('gVisor sandbox');
    expect(t).toContain('Install a runtime detector.');
  });

  it('says "not covered" and no tool when there is no suggestion', () => {
    const t = text(base);
    expect(t).toContain('Not covered');
    expect(t).toContain('No tool found.');
  });

  it('shows no coverage badge on a native area', () => {
    const html = renderToStaticMarkup(<AreaCard area={{ ...base, id: 'rbac', kind: 'native', title: 'RBAC', coverage: null }} />);
    expect(html).not.toContain('data-coverage');
  });
});
