// (a) posture computation vs JSON.parse of the same objects, side by side in one process.
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { buildInventory } from '../lib/cluster/build-inventory';
import { analyseAttackPaths } from '../lib/posture/attack-paths';
import { computePosture } from '../lib/posture/engine';
import { generateCluster, type SyntheticSize } from '../lib/synthetic/generate';

export interface PostureTiming {
  objects: number;
  jsonBytes: number;
  parseMs: number;
  inventoryMs: number;
  postureMs: number;
  /** Of postureMs: the attack-path analysis, and garbage collection during the posture. */
  attackMs: number;
  gcMs: number;
  /** CPU time (user + system) of JSON.parse and of inventory + posture: the ratio a loaded machine distorts least. */
  parseCpuMs: number;
  workCpuMs: number;
  /** The process's peak resident memory (bytes) by the end. */
  peakRssBytes: number;
  findings: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function timePosture(size: SyntheticSize, rounds = 3): Promise<PostureTiming> {
  const { objects } = generateCluster(size);
  const json = JSON.stringify(objects);
  const parse: number[] = [];
  const inventory: number[] = [];
  const posture: number[] = [];
  const attack: number[] = [];
  const parseCpu: number[] = [];
  const workCpu: number[] = [];
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const gc: number[] = [];
  let gcNow = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcNow += e.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  let findings = 0;
  for (let i = 0; i < rounds; i++) {
    let c = cpu();
    let t = performance.now();
    const parsed = JSON.parse(json);
    parse.push(performance.now() - t);
    parseCpu.push(cpu() - c);
    c = cpu();
    t = performance.now();
    const inv = buildInventory(parsed, { cluster: { name: 'synthetic', version: 'v1.35.1', source: 'live' }, readAt: new Date('2026-11-22T00:00:00Z') });
    inventory.push(performance.now() - t);
    let work = cpu() - c;
    await settleGc();
    gcNow = 0;
    c = cpu();
    t = performance.now();
    // The analysis first, so its share shows; computePosture then reads it from its per-inventory cache.
    analyseAttackPaths(inv);
    const a = performance.now() - t;
    const doc = computePosture(inv, { now: new Date('2026-11-22T00:00:00Z') });
    posture.push(performance.now() - t);
    work += cpu() - c;
    workCpu.push(work);
    attack.push(a);
    await settleGc(); // gc entries are delivered asynchronously
    gc.push(gcNow);
    findings = doc.findings.length;
  }
  observer.disconnect();
  return {
    objects: objects.length,
    jsonBytes: json.length,
    parseMs: median(parse),
    inventoryMs: median(inventory),
    postureMs: median(posture),
    attackMs: median(attack),
    gcMs: median(gc),
    parseCpuMs: median(parseCpu),
    workCpuMs: median(workCpu),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    findings,
  };
}

const settleGc = () => new Promise((r) => setTimeout(r, 20));

export const BIG: SyntheticSize = { namespaces: 2000, pods: 50_000, bindings: 20_000, nodes: 500, seed: 1 };

if (process.argv[1]?.endsWith('posture-timing.ts')) {
  console.log(await timePosture(BIG, Number(process.argv[2] ?? 3)));
}
