// scan --exceptions FILE: a YAML or JSON list of exceptions in the store's format
// ({checkId, scope, reason, owner, expires}, optional id and createdBy), for CI gates. What
// GET /api/exceptions answers ({exceptions: [...]}, with createdAt and updatedAt) reads as is.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { PostureException } from '../posture/triage/exceptions';
import { createExceptionInput } from '../server/exception-input';

const stamp = z.string().max(40).optional();
const entry = createExceptionInput.extend({ id: z.string().max(200).optional(), createdBy: z.string().max(200).optional(), createdAt: stamp, updatedAt: stamp });

export async function readExceptionsFile(file: string): Promise<PostureException[]> {
  const text = await readFile(file, 'utf8');
  let raw: unknown;
  try {
    raw = parseYaml(text); // YAML is a superset of JSON
  } catch (e) {
    throw new Error(`${file}: not YAML or JSON: ${(e as Error).message}`);
  }
  // GET /api/exceptions answers {exceptions: [...]}.
  const listed = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'exceptions' in raw ? raw.exceptions : raw;
  const list = z.array(entry).safeParse(listed ?? []);
  if (!list.success) {
    const i = list.error.issues[0]!;
    throw new Error(`${file}: ${i.path.join('.')}: ${i.message}`);
  }
  return list.data.map(({ createdAt: _c, updatedAt: _u, ...e }, n) => ({ ...e, id: e.id ?? `file-${n + 1}`, createdBy: e.createdBy ?? `file ${file}` }));
}
