// Property tests for comparing snapshots (issue 9): pairs of valid documents, each the demo
// cluster's posture changed at random (findings dropped, duplicated, added, renamed; scores,
// namespaces and titles changed; markup, bidi and zero-width text everywhere), go through
// comparePostures and through the compare page rendered to HTML.
//
// The invariant, as compare.ts defines it: a finding's identity is findingKey (checkId + resource
// kind, namespace, name), each document counted as the SET K(d) of its keys (duplicates once).
// Then new = K(to) \ K(from), fixed = K(from) \ K(to), unchanged = K(from) ∩ K(to); so
// new + unchanged = |K(to)| and fixed + unchanged = |K(from)|.
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Finding, PostureDocument } from '@/lib/posture/types';
import type { Snapshot } from './store';
import { comparePostures, findingKey } from './compare';
import { demoDocument, HOSTILE_STRINGS, textArb } from './posture-arbitraries';
import { parsePostureImport } from './validate';

// The page's own parts only: a cluster-wide viewer, and a store that holds the two documents.
const stored = new Map<string, Snapshot>();
vi.mock('@/lib/server/auth/guard', () => ({ requireClusterIdentity: async () => ({ ok: true, viewer: null, cluster: { key: 'demo', name: 'demo', spec: { kind: 'demo' } }, scope: { clusterWide: true, namespaces: new Set<string>() } }) }));
vi.mock('@/lib/server/snapshot-service', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/server/snapshot-service')>()),
  snapshotStore: async () => ({ get: async (id: string) => stored.get(id) ?? null }),
}));
const { default: ComparePage } = await import('@/app/snapshots/compare/page');

const base = await demoDocument();

// Text a valid document can hold: anything but U+0000 and unpaired surrogates (the store refuses those).
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const text = textArb.filter((t) => !UNSTORABLE.test(t));
const score = fc.integer({ min: 0, max: 100 });

type Edit = (d: PostureDocument) => void;
const at = <T>(list: T[], n: number) => list[n % list.length];
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.nat().map((n) => (d: PostureDocument) => void (d.findings.length && d.findings.splice(n % d.findings.length, 1))),
  fc.nat().map((n) => (d: PostureDocument) => void (d.findings.length && d.findings.push(structuredClone(at(d.findings, n)!)))),
  fc
    .tuple(fc.nat(), fc.constantFrom('checkId', 'title', 'message', 'kind', 'namespace', 'name'), fc.option(text, { nil: null }))
    .map(([n, field, t]) => (d: PostureDocument) => {
      const f = at(d.findings, n);
      if (!f) return;
      if (field === 'namespace') f.resource = { ...f.resource, namespace: t };
      else if (field === 'kind' || field === 'name') f.resource = { ...f.resource, [field]: t ?? '' };
      else f[field] = t ?? '';
    }),
  fc
    .record({ checkId: text, kind: text, namespace: fc.option(text, { nil: null }), name: text, title: text, message: text })
    .map(({ checkId, kind, namespace, name, title, message }) => (d: PostureDocument) => {
      const f: Finding = { checkId, area: 'rbac', severity: 'high', title, message, remediation: 'r', resource: { kind, namespace, name } };
      d.findings.push(f);
    }),
  fc.integer({ min: 0, max: 5 }).map((k) => (d: PostureDocument) => {
    d.findings = [...d.findings.slice(k), ...d.findings.slice(0, k)].reverse(); // order is not identity
  }),
  score.map((s) => (d: PostureDocument) => void (d.score = s)),
  fc.tuple(fc.nat(), fc.option(score, { nil: null })).map(
    ([n, s]) =>
      (d: PostureDocument) =>
        void (at(d.areas, n)!.score = s),
  ),
  fc.tuple(fc.nat(), text).map(
    ([n, t]) =>
      (d: PostureDocument) =>
        void (at(d.areas, n)!.title = t),
  ),
  fc.tuple(fc.nat(), score).map(
    ([n, s]) =>
      (d: PostureDocument) =>
        void (d.namespaces.length && (at(d.namespaces, n)!.score = s)),
  ),
  fc.tuple(fc.nat(), text).map(
    ([n, t]) =>
      (d: PostureDocument) =>
        void (d.namespaces.length && (at(d.namespaces, n)!.name = t)),
  ),
  fc.nat().map((n) => (d: PostureDocument) => void (d.namespaces.length && d.namespaces.splice(n % d.namespaces.length, 1))),
  text.filter((t) => t.length > 0).map((t) => (d: PostureDocument) => void (d.cluster = { ...d.cluster, name: t })),
);

/** A valid document: the demo posture after the edits, as the import accepts it (it must). */
const docArb = fc.array(editArb, { maxLength: 6 }).map((edits) => {
  const d = structuredClone(base);
  for (const e of edits) e(d);
  const r = parsePostureImport(JSON.stringify(d));
  if (!r.ok) throw new Error(`the generator made an invalid document: ${r.error}`);
  return r.document;
});

const keys = (d: PostureDocument) => new Set(d.findings.map(findingKey));
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((k) => !b.has(k));
/** Each key's first finding in the document. */
function firsts(d: PostureDocument): Map<string, Finding> {
  const m = new Map<string, Finding>();
  for (const f of d.findings) if (!m.has(findingKey(f))) m.set(findingKey(f), f);
  return m;
}

describe('comparePostures (properties)', () => {
  it('counts new, fixed and unchanged findings as set differences of finding keys', () => {
    fc.assert(
      fc.property(docArb, docArb, (from, to) => {
        const c = comparePostures(from, to);
        const [kf, kt] = [keys(from), keys(to)];
        expect(c.counts).toEqual({ new: minus(kt, kf).length, fixed: minus(kf, kt).length, unchanged: kt.size - minus(kt, kf).length });
        expect(c.counts.new + c.counts.unchanged).toBe(kt.size);
        expect(c.counts.fixed + c.counts.unchanged).toBe(kf.size);
        for (const [list, n] of [
          [c.findings.new, c.counts.new],
          [c.findings.fixed, c.counts.fixed],
          [c.findings.unchanged, c.counts.unchanged],
        ] as const)
          expect(list).toHaveLength(n);
        // Each listed finding is its key's first occurrence, on the side it is listed from.
        const sorted = (fs: Finding[]) => fs.map(findingKey).sort();
        expect(sorted(c.findings.new)).toEqual(minus(kt, kf).sort());
        expect(sorted(c.findings.fixed)).toEqual(minus(kf, kt).sort());
        const [firstFrom, firstTo] = [firsts(from), firsts(to)];
        // (one expect, not one per finding: vitest's per-call cost would dominate the run)
        const notFirst = [
          ...[...c.findings.new, ...c.findings.unchanged].filter((f) => firstTo.get(findingKey(f)) !== f),
          ...c.findings.fixed.filter((f) => firstFrom.get(findingKey(f)) !== f),
        ];
        expect(notFirst).toEqual([]);
        // Deltas: to - from, null where a side has no score; namespaces once each, sorted.
        expect(c.score).toEqual({ key: 'cluster', from: from.score, to: to.score, delta: to.score - from.score });
        const areaScore = (d: PostureDocument, id: string) => d.areas.find((ar) => ar.id === id)?.score ?? null;
        const expectedAreaDelta = (id: string) => {
          const [x, y] = [areaScore(from, id), areaScore(to, id)];
          return x === null || y === null ? null : y - x;
        };
        expect(c.areas.map((a) => a.delta)).toEqual(c.areas.map((a) => expectedAreaDelta(a.key)));
        const names = c.namespaces.map((n) => n.key);
        expect(names).toEqual([...new Set([...from.namespaces, ...to.namespaces].map((n) => n.name))].sort());
        // Swapping the sides swaps new and fixed.
        const back = comparePostures(to, from);
        expect(back.counts).toEqual({ new: c.counts.fixed, fixed: c.counts.new, unchanged: c.counts.unchanged });
      }),
      { numRuns: 100 },
    );
  });

  it('a document compared with itself (or its stored copy) reports no change', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        for (const other of [d, JSON.parse(JSON.stringify(d)) as PostureDocument]) {
          const c = comparePostures(d, other);
          expect(c.counts).toEqual({ new: 0, fixed: 0, unchanged: keys(d).size });
          expect(c.score.delta).toBe(0);
          expect([...c.areas, ...c.namespaces].filter((x) => !(x.delta === 0 || (x.delta === null && x.from === null && x.to === null)))).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the compare page (properties)', () => {
  const ids = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'] as const;
  const snapshot = (id: string, document: PostureDocument, label: string | null): Snapshot => ({
    id,
    cluster: document.cluster.name,
    source: document.cluster.source,
    takenAt: new Date(document.generatedAt).toISOString(),
    label,
    score: Math.round(document.score),
    createdAt: '2026-11-22T10:00:00.000Z',
    scope: '',
    clusterKey: 'demo',
    origin: 'import',
    document: JSON.parse(JSON.stringify(document)) as PostureDocument, // as the store gives it back
  });
  // React's escaping of text: what a label must look like in the HTML.
  const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

  it('renders any pair without throwing, with the counts compare.ts gives, and every injected markup inert', async () => {
    const label = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((h) => !UNSTORABLE.test(h))), text);
    await fc.assert(
      fc.asyncProperty(docArb, docArb, label, label, async (from, to, fromLabel, toLabel) => {
        stored.set(ids[0], snapshot(ids[0], from, fromLabel));
        stored.set(ids[1], snapshot(ids[1], to, toLabel));
        const page = await ComparePage({ searchParams: Promise.resolve({ from: ids[0], to: ids[1] }) });
        const html = renderToStaticMarkup(page);
        const c = comparePostures(from, to);
        for (const [id, n] of [
          ['count-new', c.counts.new],
          ['count-fixed', c.counts.fixed],
          ['count-unchanged', c.counts.unchanged],
        ] as const)
          expect(html).toContain(`data-testid="${id}">${n}</div>`);
        // No element or event handler came from the documents: the page itself has neither.
        expect(html).not.toMatch(/<(?:script|img|svg|iframe)\b/i);
        expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
        for (const l of [fromLabel, toLabel]) if (l) expect(html).toContain(escaped(l));
      }),
      { numRuns: 60 },
    );
  });
});
