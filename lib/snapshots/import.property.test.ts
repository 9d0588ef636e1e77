// Property tests for snapshot import (issue 9): random JSON and mutated real documents go to
// parsePostureImport and through POST /api/snapshots/import into the PGlite store. The import
// never throws, a refusal names a place that was changed, and what it accepts comes back
// from the store exactly, with Object.prototype untouched.
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTemporaryStore } from '@/lib/server/temporary-store';
import { demoDocument, formatPath, isoTimeArb, mutate, mutationArb, textArb, type Path } from './posture-arbitraries';
import { parsePostureImport } from './validate';

// Authentication is lib/server/auth's (tested there); here every caller is a cluster-wide viewer.
vi.mock('@/lib/server/auth/guard', () => ({ clusterRouteIdentity: async () => ({ ok: true, identity: { ok: true, viewer: null, cluster: { key: 'demo', name: 'demo', spec: { kind: 'demo' } }, scope: { clusterWide: true, namespaces: new Set<string>() } } }) }));
const { POST } = await import('@/app/api/snapshots/import/route');
const { snapshotStore } = await import('@/lib/server/snapshot-service');

const base = await demoDocument();
const RUNS = 200;

/** Every refusal the import can give starts with one of these; the path ones name where. */
const PATH_ERROR = /^(?:invalid posture document at|forbidden key at|nested deeper than \d+ levels at) (\$[^\s:]*)/;
const OTHER_ERROR = /^(?:not valid JSON: |unsupported schemaVersion |document is larger than |the file is empty$|label is longer than )/;

function errorPath(error: string): string | null {
  if (error.startsWith('unsupported schemaVersion')) return '$.schemaVersion';
  return PATH_ERROR.exec(error)?.[1] ?? null;
}
/** One path is the other, or lies inside it: the refusal points at the change or at what holds it. */
const inside = (inner: string, outer: string) => inner === outer || inner.startsWith(outer + '.') || inner.startsWith(outer + '[');
const related = (a: string, b: string) => inside(a, b) || inside(b, a);
const namesAChange = (error: string, touched: Path[]) => {
  const at = errorPath(error);
  return at !== null && touched.some((p) => related(at, formatPath(p)));
};

const prototypeShape = () => [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join());
const pristine = prototypeShape();
const expectNoPollution = () => {
  expect(prototypeShape()).toEqual(pristine);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
};

const randomJsonText = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  // Shaped like a document: the right top-level keys (and a stray one) with random values.
  fc
    .dictionary(fc.constantFrom(...Object.keys(base), 'extra', '__proto__'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 10 })
    .map((d) => JSON.stringify({ schemaVersion: 1, ...d })),
);
/** Changes that keep a document valid as often as not: duplicated findings, odd text, other times. */
const benignMutationArb = fc.oneof(
  fc.record({ op: fc.constant('duplicateFinding' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('hostileString' as const), pick: fc.nat(), text: textArb }),
  fc.record({ op: fc.constant('generatedAt' as const), iso: isoTimeArb }),
);
const mutatedArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 }).map((ms) => mutate(base, ms));

describe('parsePostureImport (properties)', () => {
  it('refuses random JSON and random text with a reason, and never throws', () => {
    fc.assert(
      fc.property(randomJsonText, (text) => {
        const r = parsePostureImport(text);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatch(new RegExp(`${PATH_ERROR.source}|${OTHER_ERROR.source}`));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('a mutated document is refused naming a changed place, or accepted exactly as sent', () => {
    fc.assert(
      fc.property(mutatedArb, ({ text, touched }) => {
        const r = parsePostureImport(text);
        if (r.ok)
          expect(r.document).toStrictEqual(JSON.parse(text)); // validation adds and drops nothing
        else expect(namesAChange(r.error, touched), `${r.error} / changed: ${touched.map(formatPath).join(' ')}`).toBe(true);
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('POST /api/snapshots/import into the store (properties)', () => {
  useTemporaryStore('snap-import-prop-');
  beforeAll(async () => {
    await snapshotStore(); // initdb: seconds on a loaded machine
  }, 120_000);

  const uploadArb = fc.record({
    body: fc.oneof(
      { weight: 2, arbitrary: fc.array(benignMutationArb, { minLength: 1, maxLength: 3 }).map((ms) => mutate(base, ms)) },
      { weight: 2, arbitrary: mutatedArb },
      { weight: 1, arbitrary: randomJsonText.map((text) => ({ text, touched: [] as Path[], [fc.toStringMethod]: () => fc.stringify(text.slice(0, 300)) })) },
    ),
    label: fc.option(fc.oneof(textArb, fc.string({ maxLength: 220 })), { nil: undefined }),
  });

  const post = (text: string, label?: string) =>
    POST(
      new Request(`http://localhost/api/snapshots/import${label === undefined ? '' : `?${new URLSearchParams({ label })}`}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: text,
      }),
    );

  it('the counterexamples these properties found stay refused with a reason (they threw, or failed in the store as 503)', async () => {
    const withMessage = (message: string) => JSON.stringify({ ...base, findings: [{ ...base.findings[0]!, message }] });
    const cases: [string, string, string | undefined, RegExp][] = [
      [
        '4 099 nested objects (stack overflow)',
        mutate(base, [{ op: 'deepNesting', pick: 0, depth: 4_099, shape: 'object' }]).text,
        undefined,
        /nested deeper than 64 levels at \$\./,
      ],
      ['U+0000 in a message', withMessage('nul\u0000byte'), undefined, /findings\[0\]\.message: contains U\+0000/],
      ['an unpaired surrogate', withMessage('lone \ud800 surrogate'), undefined, /findings\[0\]\.message: .*unpaired surrogate/],
      [
        'generatedAt in year 31 (stored, then every list() threw)',
        mutate(base, [{ op: 'generatedAt', iso: '0031-12-31T23:59:59.999Z' }]).text,
        undefined,
        /generatedAt: the time is not between 1970 and 9999/,
      ],
      ['U+0000 in the label', JSON.stringify(base), 'nul\u0000byte', /label contains U\+0000/],
    ];
    const store = await snapshotStore();
    const before = (await store.list('demo')).length;
    for (const [name, text, label, error] of cases) {
      const res = await post(text, label);
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as { error: string }).error, name).toMatch(error);
    }
    expect(await store.list('demo')).toHaveLength(before);
  });

  it('answers 201 and stores the document exactly, or 400 with the reason and stores nothing', async () => {
    const store = await snapshotStore();
    const stored = async () => Number((await store.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM snapshots'))[0]!.n);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(uploadArb, async ({ body, label }) => {
        const before = await stored();
        // What the URL carries: a lone surrogate in a label arrives as U+FFFD.
        const sent = label === undefined ? null : new URLSearchParams(new URLSearchParams({ label }).toString()).get('label');
        const res = await post(body.text, label);
        const json = (await res.json()) as { error?: string; snapshot?: { id: string; label: string | null; takenAt: string } };
        const parsed = parsePostureImport(body.text);
        if (res.status !== 201) {
          expect(res.status, json.error).toBe(400);
          const expected =
            sent !== null && sent.length > 200
              ? 'label is longer than 200 characters'
              : sent?.includes('\u0000')
                ? 'label contains U+0000, which cannot be stored'
                : !body.text.trim()
                  ? 'the file is empty'
                  : !parsed.ok
                    ? parsed.error
                    : '(valid: should have been stored)';
          expect(json.error).toBe(expected);
          expect(await stored()).toBe(before);
        } else {
          accepted++;
          expect(parsed.ok).toBe(true);
          const back = await store.get(json.snapshot!.id, 'demo');
          expect(back!.document).toStrictEqual(parsed.ok && parsed.document);
          expect(back!.label).toBe(sent?.trim() ? sent.trim() : null);
          expect(Math.abs(Date.parse(back!.takenAt) - Date.parse(back!.document.generatedAt))).toBeLessThanOrEqual(1);
          expect(await stored()).toBe(before + 1);
        }
        expectNoPollution();
      }),
      { numRuns: 100 },
    );
    expect(accepted).toBeGreaterThan(0); // the round trip was exercised, not only refusals
  });
});
