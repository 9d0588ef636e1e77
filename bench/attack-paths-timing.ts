// Attack paths (graph + paths + fix-first) on the big synthetic cluster vs JSON.parse of the same
// objects, side by side in one process, with the process's peak RSS.
import { performance } from 'node:perf_hooks';
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
  peakRssBytes: number;
  paths: number;
  fixes: number;
}

export function timeAttackPaths(size: SyntheticSize = BIG): AttackPathsTiming {
  const json = JSON.stringify(generateCluster(size).objects);
  const cpuMs = (from: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(from);
    return (d.user + d.system) / 1000;
  };
  let c = process.cpuUsage();
  let t = performance.now();
  const parsed = JSON.parse(json);
  const parseMs = performance.now() - t;
  const parseCpuMs = cpuMs(c);
  const inv = buildInventory(parsed, { cluster: { name: 'synthetic', version: 'v1.35.1', source: 'live' }, readAt: new Date('2026-11-22T00:00:00Z') });
  c = process.cpuUsage();
  t = performance.now();
  const { summary } = analyseAttackPaths(inv);
  const attackMs = performance.now() - t;
  const attackCpuMs = cpuMs(c);
  return {
    parseMs,
    attackMs,
    parseCpuMs,
    attackCpuMs,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    paths: Object.values(summary.counts).reduce((a, b) => a + b, 0),
    fixes: summary.fixFirst.length,
  };
}

if (process.argv[1]?.endsWith('attack-paths-timing.ts')) console.log(timeAttackPaths());
