// labelSelector (=, ==, !=, in, notin, exists, !exists) and the fieldSelector fields the
// API server supports for every kind (metadata.name, metadata.namespace) plus common pod ones.
import type { K8sObject } from '../../lib/cluster/types';
import { badRequest } from './status';

type Match = (o: K8sObject) => boolean;

export function parseLabelSelector(selector: string | null): Match {
  const parts = splitRequirements(selector ?? '');
  const tests = parts.map(parseLabelRequirement);
  return (o) => tests.every((t) => t(o.metadata.labels ?? {}));
}

function parseLabelRequirement(req: string): (labels: Record<string, string>) => boolean {
  let m = /^!\s*([\w./-]+)$/.exec(req);
  if (m) return (l) => !(m![1]! in l);
  m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(req);
  if (m) {
    const [, key, op, list] = m as unknown as [string, string, string, string];
    const values = new Set(list.split(',').map((v) => v.trim()));
    return op === 'in' ? (l) => key in l && values.has(l[key]!) : (l) => !(key in l) || !values.has(l[key]!);
  }
  m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(req);
  if (m) {
    const [, key, op, value] = m as unknown as [string, string, string, string];
    return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value;
  }
  if (/^[\w./-]+$/.test(req)) return (l) => req in l;
  throw badRequest(`unable to parse requirement: ${JSON.stringify(req)}`);
}

/** Splits on commas outside parentheses: `a in (x,y),b` is two requirements. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const FIELDS: Record<string, (o: K8sObject) => unknown> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
};
const POD_FIELDS: Record<string, (o: K8sObject) => unknown> = {
  'spec.nodeName': (o) => o.spec?.nodeName ?? '',
  'spec.serviceAccountName': (o) => o.spec?.serviceAccountName ?? '',
  'status.phase': (o) => o.status?.phase ?? '',
};

export function parseFieldSelector(selector: string | null, kind: string): Match {
  const tests = splitRequirements(selector ?? '').map((req) => {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(req);
    if (!m) throw badRequest(`invalid selector: '${req}'; can't understand '${req}'`);
    const [, field, op, value] = m as unknown as [string, string, string, string];
    const read = FIELDS[field] ?? (kind === 'Pod' ? POD_FIELDS[field] : undefined);
    if (!read) throw badRequest(`field label not supported: ${field}`);
    return op === '!=' ? (o: K8sObject) => read(o) !== value : (o: K8sObject) => read(o) === value;
  });
  return (o) => tests.every((t) => t(o));
}
