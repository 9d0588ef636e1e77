// One object of a posture, as its page shows it: its findings, the attack paths through it, the
// fix-first changes to it, its owner. Read from the document alone, so a live posture, a stored
// snapshot and a share link give the same page. Pure.
import type { AttackFix, AttackPath, AttackStep, Finding, PostureDocument, ResourceRef } from './types';

/** In the page's URL a cluster-scoped object's namespace is `_`: no namespace can be called that (a DNS label). */
export const CLUSTER_SCOPED = '_';

export type ObjectKey = Pick<ResourceRef, 'kind' | 'namespace' | 'name'>;

/** The object's page: /objects/<kind>/<namespace or _>/<name>. */
export function objectHref(r: ObjectKey): string {
  return `/objects/${encodeURIComponent(r.kind)}/${encodeURIComponent(r.namespace ?? CLUSTER_SCOPED)}/${encodeURIComponent(r.name)}`;
}

const KIND = /^[A-Za-z][A-Za-z0-9]{0,62}$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// Object names, and the users and groups bindings name (alice@acme.com, system:masters).
const NAME = /^[^\u0000-\u001f\u007f/]{1,253}$/;

/** The object a page's URL segments name (already decoded), or null when they cannot name one. */
export function parseObjectKey(kind: string, namespace: string, name: string): ObjectKey | null {
  if (!KIND.test(kind) || !NAME.test(name)) return null;
  if (namespace === CLUSTER_SCOPED) return { kind, namespace: null, name };
  return NAMESPACE.test(namespace) ? { kind, namespace, name } : null;
}

export const sameObject = (a: ObjectKey, b: ObjectKey) => a.kind === b.kind && (a.namespace ?? null) === (b.namespace ?? null) && a.name === b.name;

/** A step is the object, or its edge to the next step goes through it (a binding names itself in its words). */
export function stepTouches(s: AttackStep, r: ObjectKey): boolean {
  if (s.name !== undefined && sameObject({ kind: s.kind, namespace: s.namespace, name: s.name }, r)) return true;
  if (!r.kind.endsWith('Binding') || !s.via) return false;
  const named = `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
  return s.via.includes(`(${named})`) || s.via.includes(`(${named},`) || s.via.includes(` ${named})`) || s.via.includes(` ${named},`);
}

export interface ObjectView {
  object: ObjectKey;
  findings: Finding[];
  /** The fix-first changes to this object, in rank order (their rank in the whole list beside them). */
  fixes: { rank: number; fix: AttackFix }[];
  /** The paths the document keeps that run through it, and those its fix-first changes cut: the shortest first. */
  paths: AttackPath[];
  /** How many paths run through it in all (the most any of its findings counts). */
  pathCount: number;
  owner?: string;
}

/** What the document says about one object; null when it says nothing (the page is then a 404). */
export function objectView(doc: PostureDocument, r: ObjectKey): ObjectView | null {
  const findings = doc.findings.filter((f) => sameObject(f.resource, r));
  const ap = doc.attackPaths;
  const fixes = (ap?.fixFirst ?? []).flatMap((fix, i) => (sameObject(fix.object, r) ? [{ rank: i + 1, fix }] : []));
  const seen = new Set<string>();
  const paths: AttackPath[] = [];
  for (const p of [...fixes.flatMap(({ fix }) => (fix.path ? [fix.path] : [])), ...(ap?.paths ?? []).filter((p) => p.steps.some((s) => stepTouches(s, r)))]) {
    const k = `${p.target}\n${p.text}`;
    if (!seen.has(k)) (paths.push(p), seen.add(k));
  }
  paths.sort((a, b) => a.steps.length - b.steps.length || Number(a.possible) - Number(b.possible));
  if (findings.length === 0 && fixes.length === 0 && paths.length === 0) return null;
  const owner = findings.find((f) => f.owner)?.owner ?? (r.namespace ? doc.namespaces.find((n) => n.name === r.namespace)?.owner : undefined);
  return {
    object: r,
    findings,
    fixes,
    paths,
    pathCount: Math.max(0, ...findings.map((f) => f.paths ?? 0)),
    ...(owner ? { owner } : {}),
  };
}
