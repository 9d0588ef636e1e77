import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, parsePostureImport } from './validate';
import { sampleDocument } from './test-fixtures';

const valid = sampleDocument();
const text = (v: unknown) => JSON.stringify(v);

describe('parsePostureImport', () => {
  it('accepts a document the engine produced, unchanged', () => {
    const r = parsePostureImport(text(valid));
    expect(r).toEqual({ ok: true, document: valid });
  });
  it('accepts documents with attack paths, and older ones without them', () => {
    const withPaths = sampleDocument({ privileged: true });
    expect(withPaths.attackPaths?.counts.node).toBeGreaterThan(0);
    expect(withPaths.findings.some((f) => (f.paths ?? 0) > 0)).toBe(true);
    expect(parsePostureImport(text(withPaths))).toEqual({ ok: true, document: withPaths });
    const { attackPaths: _, ...older } = withPaths;
    const olderDoc = { ...older, findings: older.findings.map(({ paths: _p, ...f }) => f) };
    expect(parsePostureImport(text(olderDoc))).toEqual({ ok: true, document: olderDoc });
    expect(parsePostureImport(text({ ...withPaths, attackPaths: { ...withPaths.attackPaths, counts: { node: -1 } } })).ok).toBe(false);
    // A live document whose paths lag a watched change says which version they are of.
    const lagging = { ...withPaths, attackPathsAsOf: '2026-11-22T00:00:00.000Z' };
    expect(parsePostureImport(text(lagging))).toEqual({ ok: true, document: lagging });
    expect(parsePostureImport(text({ ...withPaths, attackPathsAsOf: 'yesterday' })).ok).toBe(false);
  });
  it('rejects malformed JSON, wrong schemaVersion, oversized input', () => {
    expect(parsePostureImport('{"schemaVersion":')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(parsePostureImport(text({ ...valid, schemaVersion: 2 }))).toMatchObject({ ok: false, error: expect.stringMatching(/schemaVersion 2/) });
    expect(parsePostureImport(' '.repeat(MAX_IMPORT_BYTES + 1))).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 20 MiB/) });
  });
  it('rejects unexpected fields and prototype keys anywhere', () => {
    expect(parsePostureImport(text({ ...valid, extra: 1 }))).toMatchObject({ ok: false });
    for (const k of ['__proto__', 'constructor', 'prototype']) {
      const t = text(valid).replace('"checkId":', `"${k}":{"polluted":true},"checkId":`);
      expect(parsePostureImport(t), k).toMatchObject({ ok: false, error: expect.stringContaining(k) });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('property-ish: every single-field mutation of a valid document is rejected', () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, p: (string | number)[]) => {
      if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...p, Array.isArray(v) ? Number(k) : k]);
      else paths.push(p);
    };
    walk(valid, []);
    let checked = 0;
    for (const p of paths.filter((_, i) => i % 7 === 0)) {
      for (const bad of [{ x: 1 }, [1], 'x'.repeat(10_001)]) {
        const doc = structuredClone(valid) as unknown as Record<string | number, unknown>;
        let o = doc as Record<string | number, unknown>;
        for (const k of p.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
        o[p.at(-1)!] = bad;
        expect(parsePostureImport(text(doc)).ok, `${p.join('.')} = ${text(bad).slice(0, 20)}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  describe('figures that do not follow from the findings', () => {
    const risky = sampleDocument({ privileged: true });
    const refused = (d: unknown) => parsePostureImport(text(d));
    it('refuses a document whose findings were edited out while its counts and scores stayed', () => {
      const worst = risky.findings.findIndex((f) => f.severity === 'critical');
      const edited = { ...risky, findings: risky.findings.filter((_, i) => i !== worst) };
      expect(refused(edited)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^figures do not follow from the findings at \$\.checks\[\d+\]: says \d+ findings, but \$\.findings has/),
      });
    });
    it('refuses counts that were lowered, on an area or a namespace, even with the checks adjusted', () => {
      const areas = structuredClone(risky.areas);
      const a = areas.findIndex((x) => x.counts.critical > 0);
      areas[a]!.counts.critical -= 1;
      expect(refused({ ...risky, areas })).toMatchObject({ ok: false, error: expect.stringContaining(`at $.areas[${a}]: counts`) });
      const namespaces = structuredClone(risky.namespaces);
      const n = namespaces.findIndex((x) => x.counts.medium + x.counts.high + x.counts.critical > 0);
      namespaces[n]!.counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
      expect(refused({ ...risky, namespaces })).toMatchObject({ ok: false, error: expect.stringContaining(`at $.namespaces[${n}]: counts`) });
    });
    it('refuses a score raised past what its open findings allow, and a cluster score that is not the mean', () => {
      const areas = structuredClone(risky.areas);
      const a = areas.findIndex((x) => x.counts.critical > 0);
      areas[a]!.score = 90;
      expect(refused({ ...risky, areas, score: Math.round(areas.reduce((n, x) => n + (x.score ?? 0), 0) / areas.length) })).toMatchObject({
        ok: false,
        error: expect.stringContaining(`at $.areas[${a}]: score 90 with a critical finding open`),
      });
      expect(refused({ ...risky, score: risky.score === 100 ? 99 : risky.score + 1 })).toMatchObject({
        ok: false,
        error: expect.stringContaining('at $.score:'),
      });
    });
    it('counts a Namespace object’s own findings in that namespace, as the engine does', () => {
      expect(risky.findings.some((f) => f.resource.kind === 'Namespace')).toBe(true);
      expect(parsePostureImport(text(risky)).ok).toBe(true);
    });
  });
});

describe('triage fields on import', () => {
  it('imports documents with and without the triage marks (older snapshots have none)', async () => {
    const { scanDemo } = await import('@/lib/cluster/offline');
    const { computePosture } = await import('@/lib/posture/engine');
    const inv = await scanDemo();
    const doc = computePosture(inv, { now: new Date('2026-11-22T10:00:00Z') });
    expect(doc.findings.some((f) => f.expected)).toBe(true);
    expect(parsePostureImport(JSON.stringify(doc))).toEqual({ ok: true, document: doc });
    // An older snapshot knew no catalogue: every finding counted.
    const before = computePosture(inv, { now: new Date('2026-11-22T10:00:00Z'), triage: { catalogue: false } });
    const older = {
      ...before,
      findings: before.findings.map(({ expected: _e, accepted: _a, expiredException: _x, owner: _o, ...f }) => f),
      checks: before.checks.map(({ triaged: _t, ...c }) => c),
      namespaces: before.namespaces.map(({ owner: _o, ...n }) => n),
    };
    expect(parsePostureImport(JSON.stringify(older)).ok).toBe(true);
    const accepted = { ...older, findings: [{ ...older.findings[0]!, accepted: { by: 'a', reason: 'r', owner: 'o', expires: '2027-01-01', source: 'git' } }] };
    expect(parsePostureImport(JSON.stringify(accepted))).toMatchObject({ ok: false, error: expect.stringMatching(/accepted\.source/) });
  });
});
