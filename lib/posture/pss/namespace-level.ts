// Reading a namespace's pod-security.kubernetes.io labels the way PSA does (api/helpers.go).
import { LATEST_PSS_MINOR } from './evaluate';
import type { PssLevel } from './types';

export type PssMode = 'enforce' | 'audit' | 'warn';

export interface NamespacePolicy {
  level: PssLevel;
  /** The policy minor to evaluate ('latest' already resolved); may exceed LATEST_PSS_MINOR, evaluation clamps it. */
  minor: number;
  /** The version as PSA understood it: 'latest' or 'v1.<minor>' (an invalid label reads as 'latest'). */
  versionLabel: string;
  /** True when the namespace carries this mode's level label (valid or not). */
  labelled: boolean;
  /** Invalid label values, in words. */
  errors: string[];
}

export const LABEL_PREFIX = 'pod-security.kubernetes.io/';
const LEVELS: readonly PssLevel[] = ['privileged', 'baseline', 'restricted'];
const VERSION = /^v1\.(0|[1-9][0-9]*)$/;
const RANK: Record<PssLevel, number> = { privileged: 0, baseline: 1, restricted: 2 };

/** "v1.30.4", "1.29", "v1.34.2-eks-1234" → minor; anything else → null. */
export function parseClusterMinor(version: string | null | undefined): number | null {
  const m = typeof version === 'string' ? /^v?1\.(\d+)(?:\D|$)/.exec(version.trim()) : null;
  return m ? Number(m[1]) : null;
}

function labelsOf(labels: unknown): Record<string, unknown> {
  return typeof labels === 'object' && labels !== null && !Array.isArray(labels) ? (labels as Record<string, unknown>) : {};
}

/**
 * One mode's level and version. An invalid enforce level fails closed (restricted); an
 * invalid audit/warn level fails open (privileged); an invalid version reads as latest.
 * Unlabelled = the API server's default, which the API does not show (upstream: privileged).
 */
export function parseModePolicy(labels: unknown, mode: PssMode, clusterMinor: number | null = null): NamespacePolicy {
  const l = labelsOf(labels);
  const errors: string[] = [];
  const levelKey = LABEL_PREFIX + mode;
  const versionKey = `${levelKey}-version`;
  const rawLevel = l[levelKey];
  const rawVersion = l[versionKey];
  const labelled = rawLevel !== undefined;

  let level: PssLevel = 'privileged';
  if (labelled) {
    if (LEVELS.includes(rawLevel as PssLevel)) level = rawLevel as PssLevel;
    else {
      level = mode === 'enforce' ? 'restricted' : 'privileged';
      errors.push(`${levelKey}=${JSON.stringify(rawLevel)} is not privileged, baseline or restricted; PSA treats it as ${level}`);
    }
  }

  const latest = clusterMinor ?? LATEST_PSS_MINOR;
  let minor = latest;
  let versionLabel = 'latest';
  if (rawVersion !== undefined && rawVersion !== 'latest') {
    const m = typeof rawVersion === 'string' ? VERSION.exec(rawVersion) : null;
    if (m) {
      minor = Number(m[1]);
      versionLabel = rawVersion as string;
    } else errors.push(`${versionKey}=${JSON.stringify(rawVersion)} is not latest or v1.<minor>; PSA treats it as latest`);
  }
  return { level, minor, versionLabel, labelled, errors };
}

/** The enforce policy: what the API server would reject pods for. */
export function parseEnforcePolicy(labels: unknown, clusterMinor: number | null = null): NamespacePolicy {
  return parseModePolicy(labels, 'enforce', clusterMinor);
}

/** All three modes; an absent warn label inherits a stricter enforce policy, as PSA does. */
export function parseNamespacePolicies(labels: unknown, clusterMinor: number | null = null): Record<PssMode, NamespacePolicy> {
  const enforce = parseModePolicy(labels, 'enforce', clusterMinor);
  const audit = parseModePolicy(labels, 'audit', clusterMinor);
  let warn = parseModePolicy(labels, 'warn', clusterMinor);
  if (!warn.labelled && RANK[enforce.level] > RANK[warn.level]) {
    warn = { ...warn, level: enforce.level, minor: enforce.minor, versionLabel: enforce.versionLabel };
  }
  return { enforce, audit, warn };
}
