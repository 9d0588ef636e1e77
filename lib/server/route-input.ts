// Request input checks the API routes share beyond lib/snapshots/api-input.ts: the body's media
// type and size, and query strings against a zod schema. Each bad input answers 4xx JSON {error}.
import { z } from 'zod';
import { AREA_IDS, SEVERITIES } from '../posture/types';
import { parseBody, readBodyLimited } from '../snapshots/api-input';
import { jsonError } from './api-responses';

/** The most a small JSON request (a label, a context name, share options) may carry. */
export const SMALL_BODY_BYTES = 16 * 1024;
/** The longest free-text query value (a search, a namespace, a check id). */
export const MAX_QUERY_CHARS = 200;

type Checked<T> = { ok: true; value: T } | { ok: false; response: Response };

/** A declared media type must be JSON (application/json or …+json); none at all is taken as JSON (curl -X POST). */
export function jsonContentTypeRefusal(request: Request): Response | null {
  const type = request.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase();
  if (!type || type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type)) return null;
  return jsonError(415, `the body must be application/json, not ${type.slice(0, 100)}`);
}

/** Over `max` bytes, by Content-Length or by counting: 413. */
export function declaredTooLarge(request: Request, max: number): Response | null {
  const declared = Number(request.headers.get('content-length') ?? 0);
  return declared > max ? jsonError(413, `the body is larger than ${max / 1024} KiB`) : null;
}

/** A small JSON body, checked in order: media type (415), size (413), JSON and schema (400). */
export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>, max = SMALL_BODY_BYTES): Promise<Checked<T>> {
  const refusal = jsonContentTypeRefusal(request) ?? declaredTooLarge(request, max);
  if (refusal) return { ok: false, response: refusal };
  const text = await readBodyLimited(request.body, max);
  if (text === null) return { ok: false, response: jsonError(413, `the body is larger than ${max / 1024} KiB`) };
  const parsed = parseBody(schema, text);
  return parsed.ok ? parsed : { ok: false, response: jsonError(400, parsed.error) };
}

/** Query parameters (empty values dropped, the last of repeated ones kept) against a schema; 400 otherwise. */
export function parseQuery<T>(schema: z.ZodType<T>, params: URLSearchParams): Checked<T> {
  const raw = Object.fromEntries([...params].filter(([, v]) => v !== ''));
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const i = r.error.issues[0]!;
  return { ok: false, response: jsonError(400, `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`) };
}

const text = z.string().max(MAX_QUERY_CHARS, `longer than ${MAX_QUERY_CHARS} characters`).optional();

/** GET /api/findings: the findings page's filters, strict (the page itself ignores bad values). Other parameters are ignored. */
export const findingsApiQuery = z.object({
  area: z.enum(AREA_IDS).optional(),
  severity: z.enum(SEVERITIES).optional(),
  sort: z.enum(['severity', 'object', 'check']).optional(),
  format: z.enum(['json', 'csv']).optional(),
  page: z.coerce.number().int().positive().max(1_000_000).optional(),
  namespace: text,
  check: text,
  object: text,
  q: text,
  owner: text,
  group: z.enum(['owner']).optional(),
  status: z.enum(['open', 'expected', 'accepted']).optional(),
});

/** POST /api/contexts: the kubeconfig context to use (names are checked against the kubeconfig). */
export const contextInput = z.strictObject({ context: z.string().min(1).max(253, 'context is longer than 253 characters') });

/** POST /api/auth/signin: a form; anything else is not a browser's sign-in. */
export function formContentTypeRefusal(request: Request): Response | null {
  const type = request.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') return null;
  return jsonError(415, `sign-in takes a form (application/x-www-form-urlencoded), not ${type?.slice(0, 100) || 'no media type'}`);
}
