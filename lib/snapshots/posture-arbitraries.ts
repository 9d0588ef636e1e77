// fast-check material for the snapshot property tests: a real posture document (the demo
// cluster's, computed by the engine) and random operations that mutate it, from harmless
// (a duplicated finding, markup in a message) to hostile (prototype keys, deep nesting).
import fc from 'fast-check';
import { scanDemo } from '@/lib/cluster/offline';
import { computePosture } from '@/lib/posture/engine';
import type { PostureDocument } from '@/lib/posture/types';

export async function demoDocument(): Promise<PostureDocument> {
  return computePosture(await scanDemo(), { now: new Date('2026-11-22T10:00:00Z') });
}

export type Path = (string | number)[];
export const formatPath = (p: Path) => '$' + p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');

/** Text a cluster could carry in a name or message: markup, bidi overrides, zero-width marks, SQL. */
export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '"><svg onload=alert(1)>',
  '</li></ul><script>alert(2)</script><ul><li>',
  '<IMG SRC=x OnError=alert(3)>',
  '\u202Egnp.exe\u202C', // right-to-left override
  'ad\u200Bmin\u200D\uFEFF', // zero-width space, joiner, BOM
  '\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627',
  "x'; DROP TABLE snapshots; --",
  '{{constructor.constructor("alert(1)")()}}',
  'nul\u0000byte',
  'lone \uD800 surrogate',
];
const NAN_LIKE = ['NaN', 'Infinity', '-Infinity', '-0', '1e999', '0x10', '', ' 1', 'null', '1_000', '١٢'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

export type Mutation =
  | { op: 'deleteKey'; pick: number }
  | { op: 'replaceWithOtherType'; pick: number; type: number; values: Record<JsonType, unknown> }
  | { op: 'hugeString'; pick: number; length: number }
  | { op: 'deepNesting'; pick: number; depth: number; shape: 'array' | 'object' }
  | { op: 'prototypeKey'; pick: number; key: (typeof PROTO_KEYS)[number]; value: unknown }
  | { op: 'nanLikeString'; pick: number; text: string }
  | { op: 'duplicateFinding'; pick: number }
  | { op: 'hostileString'; pick: number; text: string }
  | { op: 'generatedAt'; iso: string };

type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';
const JSON_TYPES: JsonType[] = ['null', 'boolean', 'number', 'string', 'array', 'object'];
const typeOf = (v: unknown): JsonType => (v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType));

const small = fc.jsonValue({ maxDepth: 1 });
const oneOfEachType = fc.record({
  null: fc.constant(null),
  boolean: fc.boolean(),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  string: fc.string(),
  array: fc.array(small, { maxLength: 3 }),
  object: fc.dictionary(fc.string(), small, { maxKeys: 3 }),
});
const pick = fc.nat();
/** Free text, including the hostile strings; grapheme units cover emoji and combining marks. */
export const textArb = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'grapheme', maxLength: 40 }));

/** Well-formed ISO 8601 times over years 0000-9999, in UTC or with an offset. */
export const isoTimeArb = fc
  .tuple(
    fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
    fc.option(fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom('00', '30', '45'))),
  )
  .map(([d, off]) => (off ? d.toISOString().replace('Z', `${off[0]}${String(off[1]).padStart(2, '0')}:${off[2]}`) : d.toISOString()));

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('deleteKey' as const), pick }),
  fc.record({ op: fc.constant('replaceWithOtherType' as const), pick, type: fc.nat(), values: oneOfEachType }),
  fc.record({ op: fc.constant('hugeString' as const), pick, length: fc.integer({ min: 9_990, max: 60_000 }) }),
  fc.record({
    op: fc.constant('deepNesting' as const),
    pick,
    depth: fc.oneof(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1_000, max: 50_000 })),
    shape: fc.constantFrom('array' as const, 'object' as const),
  }),
  fc.record({ op: fc.constant('prototypeKey' as const), pick, key: fc.constantFrom(...PROTO_KEYS), value: small }),
  fc.record({ op: fc.constant('nanLikeString' as const), pick, text: fc.constantFrom(...NAN_LIKE) }),
  fc.record({ op: fc.constant('duplicateFinding' as const), pick }),
  fc.record({ op: fc.constant('hostileString' as const), pick, text: textArb }),
  fc.record({ op: fc.constant('generatedAt' as const), iso: isoTimeArb }),
);

type Node = { path: Path; value: unknown };
type Container = Record<string | number, unknown>;
const parentOf = (root: unknown, path: Path) => path.slice(0, -1).reduce((o, k) => o[k] as Container, root as Container);
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

/**
 * A node chosen by a random walk from the root, seeded by `pick` (cheap on a 300 kB document,
 * and every level is as likely as the findings that dominate it): one that `fits`, or none.
 */
function walkTo(root: unknown, pick: number, fits: (n: Node) => boolean): Node | undefined {
  let seed = pick >>> 0 || 1;
  const next = (n: number) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  for (let attempt = 0; attempt < 30; attempt++) {
    let node: Node = { path: [], value: root };
    for (;;) {
      const keys: (string | number)[] = Array.isArray(node.value) ? node.value.map((_, i) => i) : isContainer(node.value) ? Object.keys(node.value) : [];
      if (node.path.length > 0 && fits(node) && (keys.length === 0 || next(3) === 0)) return node;
      if (keys.length === 0) break;
      const k = keys[next(keys.length)]!;
      node = { path: [...node.path, k], value: (node.value as Container)[k] };
    }
  }
  return undefined;
}
const any = () => true;

export interface Mutated {
  /** The JSON text an upload would carry. */
  text: string;
  /** Where each applied mutation changed the document (a skipped one, e.g. no number left to spoil, adds nothing). */
  touched: Path[];
  [fc.toStringMethod]?: () => string;
}

/** Applies the mutations in order to a copy of the document and serialises it. */
export function mutate(doc: PostureDocument, mutations: Mutation[]): Mutated {
  // A JSON copy, not structuredClone: the engine shares objects between findings, and a change
  // to one must not show up in another.
  const root = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  const touched: Path[] = [];
  const deep = new Map<string, string>();
  const set = (path: Path, value: unknown) => {
    parentOf(root, path)[path.at(-1)!] = value;
    touched.push(path);
  };
  const isString = (n: Node) => typeof n.value === 'string';
  for (const m of mutations) {
    switch (m.op) {
      case 'deleteKey': {
        const n = walkTo(root, m.pick, (x) => typeof x.path.at(-1) === 'string');
        if (!n) break;
        delete parentOf(root, n.path)[n.path.at(-1)!];
        touched.push(n.path);
        break;
      }
      case 'replaceWithOtherType': {
        const n = walkTo(root, m.pick, any);
        if (!n) break;
        const others = JSON_TYPES.filter((t) => t !== typeOf(n.value));
        set(n.path, m.values[others[m.type % others.length]!]);
        break;
      }
      case 'hugeString': {
        const n = walkTo(root, m.pick, isString);
        if (n) set(n.path, 'x'.repeat(m.length));
        break;
      }
      case 'deepNesting': {
        // Built as text after serialising: JSON.stringify itself would overflow on such input.
        const n = walkTo(root, m.pick, any);
        if (!n) break;
        const marker = `__kp_deep_${deep.size}__`;
        deep.set(JSON.stringify(marker), m.shape === 'array' ? '['.repeat(m.depth) + ']'.repeat(m.depth) : '{"a":'.repeat(m.depth) + '0' + '}'.repeat(m.depth));
        set(n.path, marker);
        break;
      }
      case 'prototypeKey': {
        const n = m.pick % 8 === 0 ? { path: [], value: root } : walkTo(root, m.pick, (x) => typeOf(x.value) === 'object');
        if (!n) break;
        // An own key, as JSON.parse makes it; `o.__proto__ = v` would set the prototype instead.
        Object.defineProperty(n.value as object, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        touched.push([...n.path, m.key]);
        break;
      }
      case 'nanLikeString': {
        const n = walkTo(root, m.pick, (x) => typeof x.value === 'number');
        if (n) set(n.path, m.text);
        break;
      }
      case 'duplicateFinding': {
        const findings = root.findings;
        if (!Array.isArray(findings) || findings.length === 0) break;
        findings.push(JSON.parse(JSON.stringify(findings[m.pick % findings.length])));
        touched.push(['findings', findings.length - 1]);
        break;
      }
      case 'hostileString': {
        const n = walkTo(root, m.pick, isString);
        if (n) set(n.path, m.text);
        break;
      }
      case 'generatedAt':
        set(['generatedAt'], m.iso);
        break;
    }
  }
  let text = JSON.stringify(root);
  for (const [marker, nested] of deep) text = text.replace(marker, nested);
  // A counterexample prints as the operations that made it, not as 300 kB of JSON.
  const summary = `mutate(demo, ${fc.stringify(mutations)}) -> ${text.length} chars, changed ${touched.map(formatPath).join(' ')}`;
  return { text, touched, [fc.toStringMethod]: () => summary };
}
