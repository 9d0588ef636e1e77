// Exceptions kept in the store (or a CLI file): one check, scoped to an object, a namespace or
// a label selector, until an expiry day. Matching is pure; lib/snapshots/exceptions-store.ts keeps them.
import type { ResourceRef } from '../types';

export type ExceptionScope =
  | { type: 'object'; kind: string; namespace: string | null; name: string }
  | { type: 'namespace'; namespace: string }
  /** Objects whose labels match, in one namespace or (namespace absent) any. */
  | { type: 'selector'; selector: string; namespace?: string };

export interface PostureException {
  id: string;
  checkId: string;
  scope: ExceptionScope;
  reason: string;
  owner: string;
  /** Last day it holds, YYYY-MM-DD (UTC). */
  expires: string;
  /** The signed-in identity that created it (or "file" for a CLI file). */
  createdBy: string;
}

/** Equality-based label selector: `app=web,tier!=db,canary` (key present), `!legacy` (key absent). */
export type SelectorTerm = { key: string; op: '=' | '!=' | 'exists' | 'absent'; value?: string };

const KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

export function parseSelector(s: string): SelectorTerm[] | { error: string } {
  const terms: SelectorTerm[] = [];
  for (const raw of s.split(',')) {
    const t = raw.trim();
    if (!t) continue;
    const m = /^(!?)([^=!]+?)\s*(?:(==|=|!=)\s*(.*))?$/.exec(t);
    if (!m || !KEY.test(m[2]!.trim())) return { error: `"${t}" is not a label selector term` };
    const key = m[2]!.trim();
    if (m[1]) {
      if (m[3]) return { error: `"${t}" is not a label selector term` };
      terms.push({ key, op: 'absent' });
    } else if (!m[3]) terms.push({ key, op: 'exists' });
    else {
      const value = m[4]!.trim();
      if (!VALUE.test(value) || value.length > 63) return { error: `"${value}" is not a label value` };
      terms.push({ key, op: m[3] === '!=' ? '!=' : '=', value });
    }
  }
  return terms.length ? terms : { error: 'empty selector' };
}

export function selectorMatches(terms: readonly SelectorTerm[], labels: Record<string, string>): boolean {
  return terms.every((t) => {
    const has = Object.prototype.hasOwnProperty.call(labels, t.key);
    if (t.op === 'exists') return has;
    if (t.op === 'absent') return !has;
    if (t.op === '=') return has && labels[t.key] === t.value;
    return !has || labels[t.key] !== t.value;
  });
}

/** Whether the exception covers a finding of `checkId` on `resource`, whose labels are `labels`. */
export function exceptionCovers(e: PostureException, checkId: string, resource: ResourceRef, labels: Record<string, string>): boolean {
  if (e.checkId !== checkId) return false;
  const ns = resource.kind === 'Namespace' ? resource.name : resource.namespace;
  const s = e.scope;
  if (s.type === 'object') return s.kind === resource.kind && (s.namespace ?? null) === (resource.namespace ?? null) && s.name === resource.name;
  if (s.type === 'namespace') return ns === s.namespace;
  if (s.namespace !== undefined && ns !== s.namespace) return false;
  const terms = parsedSelector(s.selector);
  return !('error' in terms) && selectorMatches(terms, labels);
}

const parsed = new Map<string, ReturnType<typeof parseSelector>>();

function parsedSelector(s: string): ReturnType<typeof parseSelector> {
  let p = parsed.get(s);
  if (!p) {
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(s, (p = parseSelector(s)));
  }
  return p;
}
