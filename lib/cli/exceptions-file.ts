// scan --exceptions FILE: a YAML or JSON list of exceptions in the store's format
// ({checkId, scope, reason, owner, expires}, optional id and createdBy), for CI gates.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { PostureException } from '../posture/triage/exceptions';
import { createExceptionInput } from '../server/exception-input';

const entry = createExceptionInput.extend({ id: z.string().max(200).optional(), createdBy: z.string().max(200).optional() });

export async function readExceptionsFile(file: string): Promise<PostureException[]> {
  const text = await readFile(file, 'utf8');
  let raw: unknown;
  try {
    raw = parseYaml(text); // YAML is a superset of JSON
  } catch (e) {
    throw new Error(`${file}: not YAML or JSON: ${(e as Error).message}`);
  }
  const list = z.array(entry).safeParse(raw ?? []);
  if (!list.success) {
    const i = list.error.issues[0]!;
    throw new Error(`${file}: ${i.path.join('.')}: ${i.message}`);
  }
  return list.data.map((e, n) => ({ ...e, id: e.id ?? `file-${n + 1}`, createdBy: e.createdBy ?? `file ${file}` }));
}
