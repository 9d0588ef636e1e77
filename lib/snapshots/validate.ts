// Validates an uploaded posture document before anything is stored.
import { z } from 'zod';
import { AREA_IDS, SCHEMA_VERSION, SEVERITIES, type PostureDocument } from '@/lib/posture/types';

/** 20 MiB: a 5 000-namespace cluster with ~50 000 findings is ~15 MiB of JSON; more is not a posture document. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const counts = z.strictObject(
  Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int().nonnegative()])) as Record<(typeof SEVERITIES)[number], z.ZodNumber>,
);
const area = z.enum(AREA_IDS);
const severity = z.enum(SEVERITIES);
const str = z.string().max(10_000);

export const postureDocumentSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generatedAt: z.iso.datetime({ offset: true }),
  cluster: z.strictObject({ name: str.min(1), version: str.nullable(), source: z.enum(['live', 'manifests', 'demo']) }),
  score: z.number().min(0).max(100),
  areas: z.array(
    z.strictObject({
      id: area,
      kind: z.enum(['native', 'uncovered']),
      title: str,
      score: z.number().min(0).max(100).nullable(),
      counts,
      coverage: z
        .strictObject({
          status: z.enum(['covered', 'partial', 'not-covered']),
          tools: z.array(z.strictObject({ name: str, role: str, evidence: str })),
          suggestion: str.optional(),
        })
        .nullable(),
      checks: z.strictObject({ total: z.number().int(), passed: z.number().int(), failed: z.number().int(), notAssessed: z.number().int() }),
    }),
  ),
  namespaces: z.array(
    z.strictObject({
      name: str,
      score: z.number().min(0).max(100),
      counts,
      podSecurity: z.strictObject({ level: str, version: str, labelled: z.boolean() }).nullable(),
      objects: z.strictObject({
        workloads: z.number().int(),
        pods: z.number().int(),
        networkPolicies: z.number().int(),
        resourceQuotas: z.number().int(),
        limitRanges: z.number().int(),
      }),
      defaultDeny: z.strictObject({ ingress: z.boolean(), egress: z.boolean() }).nullable().optional(),
    }),
  ),
  findings: z.array(
    z.strictObject({
      checkId: str,
      area,
      severity,
      title: str,
      message: str,
      remediation: str,
      resource: z.strictObject({ kind: str, namespace: str.nullable(), name: str, apiVersion: str.optional() }),
    }),
  ),
  checks: z.array(
    z.strictObject({ id: str, area, severity, title: str, assessed: z.boolean(), reason: str.optional(), findings: z.number().int().nonnegative() }),
  ),
  missingKinds: z.array(z.strictObject({ resource: str, reason: str, detail: str })),
});

export type ImportResult = { ok: true; document: PostureDocument } | { ok: false; error: string };

function forbiddenKeyPath(v: unknown, at: string): string | null {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = forbiddenKeyPath(v[i], `${at}[${i}]`);
      if (p) return p;
    }
  } else if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) return `${at}.${k}`;
      const p = forbiddenKeyPath((v as Record<string, unknown>)[k], `${at}.${k}`);
      if (p) return p;
    }
  }
  return null;
}

export function parsePostureImport(text: string): ImportResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) return { ok: false, error: `document is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${(e as Error).message}` };
  }
  const bad = forbiddenKeyPath(raw, '$');
  if (bad) return { ok: false, error: `forbidden key at ${bad}` };
  if (raw && typeof raw === 'object' && 'schemaVersion' in raw && (raw as { schemaVersion: unknown }).schemaVersion !== SCHEMA_VERSION)
    return { ok: false, error: `unsupported schemaVersion ${JSON.stringify((raw as { schemaVersion: unknown }).schemaVersion)} (expected ${SCHEMA_VERSION})` };
  const r = postureDocumentSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return {
      ok: false,
      error: `invalid posture document at $${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${i.message}`,
    };
  }
  return { ok: true, document: r.data as PostureDocument };
}
