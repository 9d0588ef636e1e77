import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { scanDemo } from '../../cluster/offline';
import { computePosture } from '../engine';
import { podPatch, type PodEdit } from './patch';
import { plainYaml } from './plain-yaml';

// A small seeded generator (mulberry32): the same cases on every run.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Strings a cluster can hold, the awkward ones the library quotes among them.
const STRINGS = [
  'app',
  'web-1',
  'kube-system',
  '100m',
  '128Mi',
  '0.5',
  '1e3',
  '.5',
  '5.',
  '0x1F',
  '0o17',
  '08',
  '-1',
  '+1',
  'true',
  'True',
  'no',
  'yes',
  'null',
  'Null',
  '~',
  '',
  ' ',
  'a b',
  'a: b',
  'a:b',
  '#x',
  'x#y',
  'x #y',
  '-',
  '-x',
  '?x',
  '?',
  '*x',
  '&x',
  '!x',
  '%x',
  '@x',
  '`x',
  '"x',
  "'x",
  '[x',
  '{x',
  'x,y',
  'x]',
  '/var/run/docker.sock',
  'apps/v1',
  '$patch',
  'delete',
  'container.apparmor.security.beta.kubernetes.io/app',
  'runtime/default',
  '.inf',
  '-.inf',
  '.nan',
  '---',
  '...',
  'a\nb',
  'tab\there',
  'é',
  'x:',
  'x ',
  'a.b.c',
  '_x',
  '1.2.3',
  '1_000',
  'NaN',
  'Infinity',
  '0',
  '00',
  '1e',
  'e1',
];

function randomValue(r: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const k = r();
  if (depth > 3 || k < 0.45) return pick<unknown>([...STRINGS, 0, 8080, -3, 1.5, true, false, null]);
  if (k < 0.7) return Array.from({ length: Math.floor(r() * 3) }, () => randomValue(r, depth + 1));
  return randomMap(r, depth + 1);
}

function randomMap(r: () => number, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = Math.floor(r() * 4);
  for (let i = 0; i < n; i++) out[STRINGS[Math.floor(r() * STRINGS.length)]!] = randomValue(r, depth);
  return out;
}

function expectSameAsLibrary(value: Record<string, unknown>): boolean {
  const fast = plainYaml(value);
  if (!fast) return false;
  expect(fast.text).toBe(stringify(value, { lineWidth: 0 }));
  for (const s of fast.strings) expect(fast.text.slice(s.at, s.at + s.value.length)).toBe(s.value);
  return true;
}

describe('plainYaml', () => {
  it('writes what the yaml library writes, or declines, on 3,000 random values', () => {
    const r = rng(17);
    let written = 0;
    for (let i = 0; i < 3000; i++) if (expectSameAsLibrary({ top: randomMap(r, 0), list: [randomMap(r, 1), 'x'] })) written++;
    expect(written).toBeGreaterThan(100); // the comparison did run on many
  });

  it('declines strings the library would quote, floats and lists in lists', () => {
    for (const v of ['true', '100', '1e3', 'a: b', '-x', '', 'a b', '0x1F', 'null', '~', '.inf']) expect(plainYaml({ v })).toBeNull();
    expect(plainYaml({ v: 1.5 })).toBeNull();
    expect(plainYaml({ v: [[1]] })).toBeNull();
  });

  it("leaves every patch in the demo's findings as the library writes it", async () => {
    const doc = computePosture(await scanDemo(), { now: new Date('2026-11-22T00:00:00Z') });
    let patches = 0;
    for (const f of doc.findings) {
      const yaml = f.remediation.split('\n```yaml\n')[1]?.replace(/\n```$/, '');
      // A patch of remedy's (it marks names), not cut to the message bound.
      if (!yaml || !f.remediationNames || /more characters left out\)$/.test(yaml)) continue;
      patches++;
      expect(yaml).toBe(stringify(parse(yaml), { lineWidth: 0 }).trimEnd());
    }
    expect(patches).toBeGreaterThan(10);
  });

  it('writes the patches of pod edits as the library does', () => {
    const edits: PodEdit[] = [
      { at: 'container', list: 'containers', container: 'app', field: ['securityContext', 'privileged'], value: false },
      { at: 'container', list: 'initContainers', container: 'init', field: ['resources', 'limits', 'memory'], value: '256Mi' },
      { at: 'container', list: 'containers', container: 'app', field: ['securityContext', 'capabilities', 'add'], value: [] },
      { at: 'container', list: 'containers', container: 'app', field: ['securityContext', 'capabilities', 'drop'], value: ['ALL'] },
      { at: 'port', list: 'containers', container: 'app', containerPort: 8080, field: 'hostPort', value: null },
      { at: 'pod', field: ['hostNetwork'], value: false },
      { at: 'pod', field: ['securityContext', 'seccompProfile'], value: { type: 'RuntimeDefault' } },
      { at: 'remove-volume', volume: 'sock', mounts: [{ list: 'containers', container: 'app', mountPath: '/var/run/docker.sock' }] },
      { at: 'pod-annotation', key: 'container.apparmor.security.beta.kubernetes.io/app', value: null },
    ];
    for (const kind of ['Pod', 'Deployment', 'CronJob']) {
      const patch = podPatch({ kind, apiVersion: 'apps/v1', namespace: 'shop', name: 'web' }, edits)!;
      expect(expectSameAsLibrary(patch)).toBe(true);
    }
  });
});
