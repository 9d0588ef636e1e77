// (a) posture computation vs JSON.parse of the same objects, side by side in one process.
import { performance } from 'node:perf_hooks';
import { buildInventory } from '../lib/cluster/build-inventory';
import { computePosture } from '../lib/posture/engine';
import { generateCluster, type SyntheticSize } from '../lib/synthetic/generate';

export interface PostureTiming {
  objects: number;
  jsonBytes: number;
  parseMs: number;
  inventoryMs: number;
  postureMs: number;
  findings: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function timePosture(size: SyntheticSize, rounds = 3): PostureTiming {
  const { objects } = generateCluster(size);
  const json = JSON.stringify(objects);
  const parse: number[] = [];
  const inventory: number[] = [];
  const posture: number[] = [];
  let findings = 0;
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    const parsed = JSON.parse(json);
    parse.push(performance.now() - t);
    t = performance.now();
    const inv = buildInventory(parsed, { cluster: { name: 'synthetic', version: 'v1.35.1', source: 'live' }, readAt: new Date('2026-11-22T00:00:00Z') });
    inventory.push(performance.now() - t);
    t = performance.now();
    const doc = computePosture(inv, { now: new Date('2026-11-22T00:00:00Z') });
    posture.push(performance.now() - t);
    findings = doc.findings.length;
  }
  return { objects: objects.length, jsonBytes: json.length, parseMs: median(parse), inventoryMs: median(inventory), postureMs: median(posture), findings };
}

export const BIG: SyntheticSize = { namespaces: 2000, pods: 50_000, bindings: 20_000, nodes: 500, seed: 1 };

if (process.argv[1]?.endsWith('posture-timing.ts')) {
  console.log(timePosture(BIG, Number(process.argv[2] ?? 3)));
}
