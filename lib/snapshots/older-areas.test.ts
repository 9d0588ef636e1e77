// Snapshots taken before the api-abuse and management-tools areas existed hold nine areas.
// testdata/nine-area-snapshot.json was written by the engine of that time (sampleDocument,
// privileged), so it is the shape older stores and exports really hold.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREA_IDS, type PostureDocument } from '@/lib/posture/types';
import { comparePostures } from './compare';
import { redactDocument } from './redact';
import { sampleDocument } from './test-fixtures';
import { parsePostureImport } from './validate';

const NINE = readFileSync(path.join(__dirname, 'testdata/nine-area-snapshot.json'), 'utf8');

describe('a nine-area snapshot from before api-abuse and management-tools', () => {
  it('is really the older shape', () => {
    const old = JSON.parse(NINE) as PostureDocument;
    expect(old.areas.map((a) => a.id)).toEqual(AREA_IDS.filter((id) => id !== 'api-abuse' && id !== 'management-tools'));
    expect(old.checks.some((c) => c.area === 'api-abuse' || c.area === 'management-tools')).toBe(false);
  });

  it('still imports, unchanged', () => {
    const r = parsePostureImport(NINE);
    expect(r).toEqual({ ok: true, document: JSON.parse(NINE) });
  });

  it('compares with an eleven-area document: the new areas have no earlier score', () => {
    const old = JSON.parse(NINE) as PostureDocument;
    const now = sampleDocument({ privileged: true });
    expect(now.areas).toHaveLength(11);
    const cmp = comparePostures(old, now);
    expect(cmp.areas.map((a) => a.key)).toEqual([...AREA_IDS]);
    expect(cmp.areas.find((a) => a.key === 'api-abuse')).toMatchObject({ from: null, delta: null });
    expect(cmp.areas.find((a) => a.key === 'rbac')!.from).toBe(old.areas.find((a) => a.id === 'rbac')!.score);
  });

  it('an eleven-area document imports too, its new areas judged by their checks or not assessed, never passed for nothing', () => {
    const now = sampleDocument();
    expect(parsePostureImport(JSON.stringify(now)).ok).toBe(true);
    for (const id of ['api-abuse', 'management-tools'] as const) {
      const a = now.areas.find((x) => x.id === id)!;
      expect(a).toMatchObject({ kind: 'uncovered' });
      expect(a.coverage?.status).not.toBe('covered');
      // An area is scored only from checks that ran; with none run it stays not assessed.
      if (a.checks.passed + a.checks.failed === 0) expect(a).toMatchObject({ score: null });
      else expect(a.checks.total).toBe(a.checks.passed + a.checks.failed + a.checks.notAssessed);
    }
    // The management-tools checks run on any cluster whose pods are read.
    expect(now.areas.find((x) => x.id === 'management-tools')!.checks.passed).toBeGreaterThan(0);
  });

  it('redacts like any other document', () => {
    const r = parsePostureImport(NINE);
    if (!r.ok) throw new Error(r.error);
    const red = redactDocument(r.document).document;
    expect(red.areas).toHaveLength(9);
    expect(JSON.stringify(red)).not.toMatch(/nine-areas|"shop"|cart/);
  });
});
