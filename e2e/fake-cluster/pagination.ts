// limit/continue paging. The token is opaque to clients: base64 of the snapshot's
// resourceVersion and the offset of the next item. A token from an older snapshot (after
// setObjects) is refused with 410 Expired, as the API server does after compaction.
import { StatusError, badRequest } from './status';

interface Token {
  rv: string;
  offset: number;
}

export interface Page<T> {
  items: T[];
  continue?: string;
  remainingItemCount?: number;
}

export function encodeContinue(token: Token): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

export function paginate<T>(all: readonly T[], resourceVersion: string, limitParam: string | null, continueParam: string | null): Page<T> {
  const offset = continueParam ? decodeContinue(continueParam, resourceVersion) : 0;
  const limit = limitParam === null || limitParam === '' ? 0 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`invalid limit: ${limitParam}`);
  if (limit === 0 || offset + limit >= all.length) return { items: all.slice(offset) };
  const next = offset + limit;
  return { items: all.slice(offset, next), continue: encodeContinue({ rv: resourceVersion, offset: next }), remainingItemCount: all.length - next };
}

function decodeContinue(value: string, resourceVersion: string): number {
  let token: Partial<Token>;
  try {
    token = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Token>;
  } catch {
    throw badRequest('continue key is not valid: not base64-encoded JSON');
  }
  if (typeof token?.rv !== 'string' || !Number.isInteger(token.offset) || (token.offset as number) < 0) {
    throw badRequest('continue key is not valid: unexpected contents');
  }
  if (token.rv !== resourceVersion) {
    throw new StatusError(410, 'Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.');
  }
  return token.offset as number;
}
