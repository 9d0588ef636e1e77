// How much of a ResourceQuota is used, from its status (status.used vs status.hard). Pure.
import type { K8sObject } from '../../cluster/types';
import { parseQuantity } from './quantity';

/** From this share of a hard limit on, a quota counts as nearly used up. */
export const USAGE_THRESHOLD = 0.9;

export interface QuotaEntry {
  resource: string;
  used: string;
  hard: string;
  ratio: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Each resource's usage, or null when the quota has no status (offline manifests). A hard
 * limit of 0 forbids the resource outright (e.g. services.loadbalancers: "0"); it is a ban, not
 * a budget being used up, so it is left out.
 */
export function quotaUsage(q: K8sObject): QuotaEntry[] | null {
  const status = isObject(q.status) ? q.status : null;
  if (!status || !isObject(status.used)) return null;
  const hard = isObject(status.hard) ? status.hard : isObject(q.spec?.hard) ? (q.spec.hard as Record<string, unknown>) : {};
  const out: QuotaEntry[] = [];
  for (const [resource, h] of Object.entries(hard)) {
    const hardN = parseQuantity(h);
    const usedN = parseQuantity(status.used[resource]);
    if (hardN === null || usedN === null || hardN <= 0) continue;
    out.push({ resource, used: String(status.used[resource]), hard: String(h), ratio: usedN / hardN });
  }
  return out;
}
