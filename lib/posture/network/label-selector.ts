// metav1.LabelSelector matching (matchLabels + matchExpressions), as the API server does it. Pure.

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True for a selector with no requirement at all (`{}`), which selects everything. */
export function isEmptySelector(selector: unknown): boolean {
  if (!isObject(selector)) return false;
  const labels = isObject(selector.matchLabels) ? Object.keys(selector.matchLabels) : [];
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return labels.length === 0 && exprs.length === 0;
}

function requirementMatches(req: unknown, labels: Record<string, string>): boolean {
  if (!isObject(req) || typeof req.key !== 'string') return false;
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const values = Array.isArray(req.values) ? req.values : [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(labels[req.key]);
    case 'NotIn':
      return !has || !values.includes(labels[req.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false; // the API rejects unknown operators; a malformed selector selects nothing
  }
}

/** Whether `labels` satisfy every requirement of `selector`. Not an object = selects nothing. */
export function matchesSelector(selector: unknown, labels: Record<string, string>): boolean {
  if (!isObject(selector)) return false;
  const matchLabels = isObject(selector.matchLabels) ? selector.matchLabels : {};
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return exprs.every((r) => requirementMatches(r, labels));
}

/** A selector as a person reads it: `app=web, tier in (a,b)`; `{}` reads "all pods". */
export function describeSelector(selector: unknown): string {
  if (!isObject(selector) || isEmptySelector(selector)) return 'all pods';
  const parts = Object.entries(isObject(selector.matchLabels) ? selector.matchLabels : {}).map(([k, v]) => `${k}=${String(v)}`);
  for (const r of Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []) {
    if (!isObject(r)) continue;
    const values = Array.isArray(r.values) ? r.values.join(',') : '';
    const op = String(r.operator);
    parts.push(op === 'Exists' ? String(r.key) : op === 'DoesNotExist' ? `!${String(r.key)}` : `${String(r.key)} ${op.toLowerCase()} (${values})`);
  }
  return parts.join(', ');
}
