// Reading node facts (status.nodeInfo) for the host and runtime checks.
import type { Inventory } from '../../../../cluster/inventory';
import type { K8sObject } from '../../../../cluster/types';
import type { CveRow } from '../../../data/cve-row';
import { inRanges } from '../../../data/version';
import type { Severity } from '../../../types';

export interface NodeInfo {
  kubeletVersion: string | null;
  kernelVersion: string | null;
  osImage: string | null;
  containerRuntimeVersion: string | null;
  operatingSystem: string | null;
}

export function nodeInfo(n: K8sObject): NodeInfo {
  const info = (n.status?.nodeInfo ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof info[k] === 'string' && info[k] !== '' ? (info[k] as string) : null);
  return {
    kubeletVersion: str('kubeletVersion'),
    kernelVersion: str('kernelVersion'),
    osImage: str('osImage'),
    containerRuntimeVersion: str('containerRuntimeVersion'),
    operatingSystem: str('operatingSystem'),
  };
}

export function isControlPlane(n: K8sObject): boolean {
  const l = n.metadata.labels ?? {};
  return 'node-role.kubernetes.io/control-plane' in l || 'node-role.kubernetes.io/master' in l;
}

/** Why node checks cannot run, or null when there are nodes with facts to read. */
export function noNodeFacts(inv: Inventory, field: keyof NodeInfo): string | null {
  if (inv.objects.nodes.length === 0) return 'no Node objects in the input: node facts cannot be read';
  if (!inv.objects.nodes.some((n) => nodeInfo(n)[field])) return `no node reports status.nodeInfo.${field}`;
  return null;
}

/**
 * The control plane's version: the API server's /version (or, offline, its static pod's image
 * tag), else the kubelet of a control-plane node. Null when neither is known (managed clusters
 * hide their control-plane nodes).
 */
export function controlPlaneVersion(inv: Inventory): { version: string; from: string } | null {
  if (inv.cluster.version) return { version: inv.cluster.version, from: 'the API server version' };
  const cp = inv.objects.nodes.find((n) => isControlPlane(n) && nodeInfo(n).kubeletVersion);
  return cp ? { version: nodeInfo(cp).kubeletVersion!, from: `the kubelet of control-plane node ${cp.metadata.name}` } : null;
}

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function worst(severities: Severity[]): Severity {
  return SEVERITY_ORDER.find((s) => severities.includes(s)) ?? 'info';
}

export function lower(s: Severity): Severity {
  return SEVERITY_ORDER[Math.min(SEVERITY_ORDER.indexOf(s) + 1, SEVERITY_ORDER.length - 1)]!;
}

/** The rows whose ranges include `version`, each with the release that fixes it. */
export function matchingCves<T extends CveRow>(rows: readonly T[], version: string): { row: T; fixed: string | null }[] {
  return rows.flatMap((row) => {
    const range = inRanges(version, row.ranges);
    return range ? [{ row, fixed: range.fixed ?? null }] : [];
  });
}

export function listCves(hits: { row: CveRow; fixed: string | null }[]): string {
  return hits.map(({ row, fixed }) => `${row.cve} (${row.summary}${fixed ? `; fixed in ${fixed}` : ''})`).join(', ');
}
