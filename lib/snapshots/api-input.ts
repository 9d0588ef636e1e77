// What the snapshot API accepts in a request body, validated before anything runs.
import { z } from 'zod';
import { MAX_SHARE_HOURS, MIN_SHARE_HOURS } from './share-token';

export const MAX_LABEL_CHARS = 200;
// PostgreSQL text cannot hold U+0000: such a label would fail in the store as "unavailable".
const labelText = z
  .string()
  .max(MAX_LABEL_CHARS, `label is longer than ${MAX_LABEL_CHARS} characters`)
  .refine((s) => !s.includes('\u0000'), 'label contains U+0000, which cannot be stored');
const label = labelText.nullish();

/** Why a label (an import's ?label=) cannot be taken, or null when it can. */
export function labelError(label: string | null): string | null {
  const r = labelText.nullable().safeParse(label);
  return r.success ? null : r.error.issues[0]!.message;
}

export const takeSnapshotInput = z.strictObject({ label });
export const shareInput = z.strictObject({
  expiresInHours: z.number().min(MIN_SHARE_HOURS).max(MAX_SHARE_HOURS).default(72),
  redact: z.boolean().default(false),
});

/** Parses a JSON body (empty = {}) against a schema; a readable error otherwise. */
export function parseBody<T>(schema: z.ZodType<T>, text: string): { ok: true; value: T } | { ok: false; error: string } {
  let raw: unknown = {};
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, error: 'the body is not valid JSON' };
    }
  }
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const i = r.error.issues[0]!;
  return { ok: false, error: `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}` };
}

/** Reads at most `max` bytes of a body; null when it is longer (the rest is not read). */
export async function readBodyLimited(body: ReadableStream<Uint8Array> | null, max: number): Promise<string | null> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
