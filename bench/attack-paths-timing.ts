// Attack paths (graph + paths + fix-first) on the big synthetic cluster vs JSON.parse of the same
// objects, side by side in one process, with the process's peak RSS. Three rounds (a fresh parse and
// Inventory each), medians reported as the posture row does; the first, cold round is kept too.
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { buildInventory } from '../lib/cluster/build-inventory';
import { analyseAttackPaths } from '../lib/posture/attack-paths';
import { generateCluster, type SyntheticSize } from '../lib/synthetic/generate';
import { BIG } from './posture-timing';

export interface AttackPathsTiming {
  parseMs: number;
  attackMs: number;
  /** CPU time of the same two, which other processes on the machine do not inflate. */
  parseCpuMs: number;
  attackCpuMs: number;
  /** Garbage collection during the analysis (median round). */
  attackGcMs: number;
  /** The first round's analysis and parse: cold code, nothing cached. */
  coldAttackMs: number;
  coldParseMs: number;
  peakRssBytes: number;
  paths: number;
  fixes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const settleGc = () => new Promise((r) => setTimeout(r, 20)); // gc entries are delivered asynchronously

export async function timeAttackPaths(size: SyntheticSize = BIG, rounds = 3): Promise<AttackPathsTiming> {
  const json = JSON.stringify(generateCluster(size).objects);
  const cpuMs = (from: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(from);
    return (d.user + d.system) / 1000;
  };
  let gcNow = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcNow += e.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const parse: number[] = [];
  const parseCpu: number[] = [];
  const attack: number[] = [];
  const attackCpu: number[] = [];
  const gc: number[] = [];
  let summary: ReturnType<typeof analyseAttackPaths>['summary'] | undefined;
  for (let i = 0; i < rounds; i++) {
    let c = process.cpuUsage();
    let t = performance.now();
    const parsed = JSON.parse(json);
    parse.push(performance.now() - t);
    parseCpu.push(cpuMs(c));
    const inv = buildInventory(parsed, { cluster: { name: 'synthetic', version: 'v1.35.1', source: 'live' }, readAt: new Date('2026-11-22T00:00:00Z') });
    await settleGc();
    gcNow = 0;
    c = process.cpuUsage();
    t = performance.now();
    summary = analyseAttackPaths(inv).summary;
    attack.push(performance.now() - t);
    attackCpu.push(cpuMs(c));
    await settleGc();
    gc.push(gcNow);
  }
  observer.disconnect();
  return {
    parseMs: median(parse),
    attackMs: median(attack),
    parseCpuMs: median(parseCpu),
    attackCpuMs: median(attackCpu),
    attackGcMs: median(gc),
    coldAttackMs: attack[0]!,
    coldParseMs: parse[0]!,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    paths: Object.values(summary!.counts).reduce((a, b) => a + b, 0),
    fixes: summary!.fixFirst.length,
  };
}

if (process.argv[1]?.endsWith('attack-paths-timing.ts')) console.log(await timeAttackPaths());
