import { describe, expect, it } from 'vitest';
import { scanDemo } from '../../cluster/offline';
import { computePosture } from '../../posture/engine';
import { isOpen } from '../../posture/types';
import { escapeLabelValue, postureMetrics, renderFamilies } from './prometheus';

const doc = computePosture(await scanDemo(), { now: new Date('2026-11-22T00:00:00Z') });
const stats = { lastDurationMs: 1234, succeeded: 3, failed: 1, error: null };

// One sample line: name, optional {labels}, value.
const SAMPLE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? (-?[0-9.e+]+|NaN|[+-]Inf)$/;

describe('postureMetrics', () => {
  const text = postureMetrics(doc, stats);
  const lines = text.trimEnd().split('\n');

  it('gives every family one HELP and one TYPE line before its samples, and only valid sample lines', () => {
    const names = new Set<string>();
    for (const [i, line] of lines.entries()) {
      if (line.startsWith('# HELP ')) {
        const name = line.split(' ')[2]!;
        expect(names.has(name)).toBe(false);
        names.add(name);
        expect(lines[i + 1]).toMatch(new RegExp(`^# TYPE ${name} (gauge|counter)$`));
      } else if (!line.startsWith('# TYPE ')) {
        expect(line).toMatch(SAMPLE);
        expect(names.has(line.split(/[{ ]/)[0]!)).toBe(true);
      }
    }
    expect(text.endsWith('\n')).toBe(true);
    for (const counter of ['kube_posture_scans_total', 'kube_posture_scan_failures_total']) expect(text).toContain(`# TYPE ${counter} counter`);
  });

  it('reports scores per area and namespace, findings by severity, scan duration and missing kinds', () => {
    expect(text).toContain(`kube_posture_score{cluster="${doc.cluster.name}"} ${doc.score}`);
    const scored = doc.areas.find((a) => a.score !== null)!;
    expect(text).toContain(`kube_posture_area_score{area="${scored.id}"} ${scored.score}`);
    const payments = doc.namespaces.find((n) => n.name === 'payments')!;
    expect(text).toContain(`kube_posture_namespace_score{namespace="payments"} ${payments.score}`);
    const critical = doc.findings.filter((f) => f.severity === 'critical' && isOpen(f)).length;
    expect(critical).toBeGreaterThan(0);
    expect(text).toContain(`kube_posture_findings{severity="critical"} ${critical}`);
    expect(text).toContain('kube_posture_scan_duration_seconds 1.234');
    expect(text).toContain('kube_posture_scan_up 1');
  });

  it('still answers, with the scan counters and up=0, before any document exists', () => {
    const t = postureMetrics(null, { ...stats, error: 'cannot reach https://10.0.0.1' });
    expect(t).toContain('kube_posture_scan_up 0');
    expect(t).not.toContain('kube_posture_score');
    expect(t).not.toContain('10.0.0.1'); // error text stays out of label values
  });
});

describe('escaping', () => {
  it('escapes backslash, quote and newline in label values and HELP', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    const t = renderFamilies([{ name: 'x', help: 'line\none \\', type: 'gauge', samples: [{ labels: { ns: 'we"ird\n' }, value: NaN }] }]);
    expect(t).toBe('# HELP x line\\none \\\\\n# TYPE x gauge\nx{ns="we\\"ird\\n"} NaN\n');
  });
});
