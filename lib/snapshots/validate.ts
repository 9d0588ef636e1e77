// Validates an uploaded posture document before anything is stored.
import { z } from 'zod';
import { AREA_IDS, NAME_ROLES, ATTACK_TARGETS, FOOTHOLD_KINDS, SCHEMA_VERSION, SEVERITIES, type PostureDocument } from '@/lib/posture/types';
import { figureMismatch } from './consistency';

/** 20 MiB: a 5 000-namespace cluster with ~50 000 findings is ~15 MiB of JSON; more is not a posture document. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const counts = z.strictObject(
  Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int().nonnegative()])) as Record<(typeof SEVERITIES)[number], z.ZodNumber>,
);
const area = z.enum(AREA_IDS);
const severity = z.enum(SEVERITIES);
// PostgreSQL cannot keep U+0000 or an unpaired surrogate in jsonb: such a document would pass here
// and then fail in the store as "snapshot store unavailable".
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const str = z
  .string()
  .max(10_000)
  .refine((s) => !UNSTORABLE.test(s), 'contains U+0000 or an unpaired surrogate');
/** Where a sentence names cluster objects (Finding.names); redaction checks they fit the sentence before trusting them. */
const names = z.array(z.strictObject({ role: z.enum(NAME_ROLES), value: str, kind: str.optional(), at: z.number().int().nonnegative() }));
/** A posture document's nesting is 6 levels deep; far deeper input is refused before it is walked. */
export const MAX_IMPORT_DEPTH = 64;
// The store keeps the time as timestamptz and reads it back as a JS Date: both must hold it.
const MIN_TAKEN_AT = Date.UTC(1970, 0, 1);
const MAX_TAKEN_AT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const resourceRef = z.strictObject({ kind: str, namespace: str.nullable(), name: str, apiVersion: str.optional() });
function attackPathsSchema() {
  const target = z.enum(ATTACK_TARGETS);
  const n = z.number().int().nonnegative();
  const step = z.strictObject({
    kind: str,
    namespace: str.nullable(),
    name: str.optional(),
    text: str,
    via: str.optional(),
    possible: z.literal(true).optional(),
  });
  const path = z.strictObject({ target, foothold: z.enum(FOOTHOLD_KINDS).optional(), steps: z.array(step), possible: z.boolean(), text: str });
  return z.strictObject({
    counts: z.strictObject(Object.fromEntries(ATTACK_TARGETS.map((t) => [t, n])) as Record<(typeof ATTACK_TARGETS)[number], typeof n>),
    byNamespace: z.record(str, z.partialRecord(target, n)),
    footholds: n,
    fixFirst: z.array(
      z.strictObject({
        object: resourceRef,
        field: str,
        change: str,
        patch: str,
        removes: z.strictObject({ 'cluster-admin': n, node: n }),
        path: path.optional(),
      }),
    ),
    paths: z.array(path),
    incomplete: z.array(str).optional(),
  });
}
// Triage marks (lib/posture/triage): optional, so documents written before them still import.
const acceptance = z.strictObject({
  by: str,
  reason: str,
  owner: str,
  expires: str,
  source: z.enum(['annotation', 'store']),
  id: str.optional(),
});

export const postureDocumentSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generatedAt: z.iso.datetime({ offset: true }).refine((s) => {
    const t = Date.parse(s);
    return t >= MIN_TAKEN_AT && t <= MAX_TAKEN_AT;
  }, 'the time is not between 1970 and 9999 (UTC)'),
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
          tools: z.array(z.strictObject({ name: str, role: str, evidence: str, names: z.strictObject({ role: names, evidence: names }).optional() })),
          suggestion: str.optional(),
        })
        .nullable(),
      checks: z.strictObject({ total: z.number().int(), passed: z.number().int(), failed: z.number().int(), notAssessed: z.number().int() }),
    }),
  ),
  namespaces: z.array(
    z.strictObject({
      name: str,
      owner: str.optional(),
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
      names: names.optional(),
      remediation: str,
      remediationNames: names.optional(),
      resource: resourceRef,
      paths: z.number().int().nonnegative().optional(),
      expected: z.strictObject({ reason: str, source: str, component: str }).optional(),
      accepted: acceptance.optional(),
      expiredException: acceptance.optional(),
      owner: str.optional(),
    }),
  ),
  checks: z.array(
    z.strictObject({
      id: str,
      area,
      severity,
      severityRange: z.tuple([severity, severity]).optional(),
      title: str,
      assessed: z.boolean(),
      reason: str.optional(),
      findings: z.number().int().nonnegative(),
      triaged: z.number().int().nonnegative().optional(),
      // Objects an assessed check could not judge (absent in documents written before it existed).
      notAssessedFor: z.array(z.strictObject({ resource: resourceRef, reason: str })).optional(),
    }),
  ),
  missingKinds: z.array(z.strictObject({ resource: str, reason: str, detail: str })),
  attackPaths: attackPathsSchema().optional(),
  // The version the attack paths were analysed on, when behind the rest (lib/posture/incremental.ts).
  attackPathsAsOf: z.iso.datetime({ offset: true }).optional(),
});

export type ImportResult = { ok: true; document: PostureDocument } | { ok: false; error: string };

/**
 * An upload, as the import takes it: a well-formed document (parsePostureDocument) whose
 * figures follow from its findings and checks (consistency.ts); an edited one is refused.
 */
export function parsePostureImport(text: string): ImportResult {
  const r = parsePostureDocument(text);
  if (!r.ok) return r;
  const mismatch = figureMismatch(r.document);
  return mismatch ? { ok: false, error: `figures do not follow from the findings at ${mismatch}` } : r;
}

/** The first prototype key, or a nesting deeper than MAX_IMPORT_DEPTH; walked with a stack, not recursion (deep input would overflow it). */
function structureProblem(root: unknown): string | null {
  const stack: { v: unknown; at: string; depth: number }[] = [{ v: root, at: '$', depth: 0 }];
  while (stack.length) {
    const { v, at, depth } = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_IMPORT_DEPTH) return `nested deeper than ${MAX_IMPORT_DEPTH} levels at ${at}`;
    // Children pushed last first, so they are visited in document order (no spread: arrays can be huge).
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], at: `${at}[${i}]`, depth: depth + 1 });
    else {
      const keys = Object.keys(v);
      const forbidden = keys.find((k) => FORBIDDEN_KEYS.has(k));
      if (forbidden) return `forbidden key at ${at}.${forbidden}`;
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: (v as Record<string, unknown>)[keys[i]!], at: `${at}.${keys[i]}`, depth: depth + 1 });
    }
  }
  return null;
}

/** A well-formed posture document: JSON, this schema version, the contract's shape, nothing more. */
export function parsePostureDocument(text: string): ImportResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) return { ok: false, error: `document is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${(e as Error).message}` };
  }
  const bad = structureProblem(raw);
  if (bad) return { ok: false, error: bad };
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
