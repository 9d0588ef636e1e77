// Redaction for sharing outside the team: every namespace and object name in a posture
// document becomes a stable pseudonym (ns-1, deployment-3), in the references and in the
// text that names them. Scores, counts and check results are kept as they are.
import type { AttackPathsSummary, PostureDocument, ResourceRef } from '@/lib/posture/types';

export interface Redaction {
  document: PostureDocument;
  /** original -> pseudonym, for tests and for nothing else (never shipped with the document). */
  names: Map<string, string>;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function redactDocument(doc: PostureDocument): Redaction {
  const names = new Map<string, string>();
  const perKind = new Map<string, number>();
  const pseudonym = (original: string, prefix: string) => {
    let p = names.get(original);
    if (!p) {
      const n = (perKind.get(prefix) ?? 0) + 1;
      perKind.set(prefix, n);
      p = `${prefix}-${n}`;
      names.set(original, p);
    }
    return p;
  };
  pseudonym(doc.cluster.name, 'cluster');
  // Namespaces next, so a name that is both a namespace and an object reads as the namespace.
  for (const n of doc.namespaces) pseudonym(n.name, 'ns');
  for (const f of doc.findings) if (f.resource.namespace) pseudonym(f.resource.namespace, 'ns');
  const object = (r: { kind: string; namespace: string | null; name?: string }) => {
    if (r.namespace) pseudonym(r.namespace, 'ns');
    if (r.name === undefined) return;
    if (r.kind === 'Namespace') pseudonym(r.name, 'ns');
    else pseudonym(r.name, r.kind.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'object');
  };
  for (const f of doc.findings) object(f.resource);
  // Attack paths name objects no finding names (nodes, users, ServiceAccounts, bindings).
  const ap = doc.attackPaths;
  for (const ns of Object.keys(ap?.byNamespace ?? {})) pseudonym(ns, 'ns');
  for (const f of ap?.fixFirst ?? []) object(f.object);
  for (const p of ap?.paths ?? []) for (const step of p.steps) object(step);

  // Longest names first, so "web-frontend" is replaced before "web". A name only counts as a
  // whole token: not inside a longer name made of the same characters.
  const originals = [...names.keys()].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
  const pattern = originals.length ? new RegExp(`(?<![A-Za-z0-9_.-])(?:${originals.map(escapeRe).join('|')})(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`, 'g') : null;
  const text = (s: string) => (pattern ? s.replace(pattern, (m) => names.get(m) ?? m) : s);
  const ref = (r: ResourceRef): ResourceRef => ({
    ...r,
    namespace: r.namespace === null ? null : (names.get(r.namespace) ?? text(r.namespace)),
    name: names.get(r.name) ?? text(r.name),
  });

  const document: PostureDocument = {
    ...doc,
    cluster: { ...doc.cluster, name: names.get(doc.cluster.name)! },
    namespaces: doc.namespaces.map((n) => ({ ...n, name: names.get(n.name)! })),
    findings: doc.findings.map((f) => ({ ...f, title: text(f.title), message: text(f.message), remediation: text(f.remediation), resource: ref(f.resource) })),
    checks: doc.checks.map((c) => (c.reason === undefined ? c : { ...c, reason: text(c.reason) })),
    missingKinds: doc.missingKinds.map((m) => ({ ...m, detail: text(m.detail) })),
    ...(ap ? { attackPaths: redactAttackPaths(ap, names, text, ref) } : {}),
  };
  return { document, names };
}

function redactAttackPaths(
  ap: AttackPathsSummary,
  names: Map<string, string>,
  text: (s: string) => string,
  ref: (r: ResourceRef) => ResourceRef,
): AttackPathsSummary {
  const name = (n: string) => names.get(n) ?? text(n);
  return {
    ...ap,
    byNamespace: Object.fromEntries(Object.entries(ap.byNamespace).map(([ns, c]) => [name(ns), c])),
    fixFirst: ap.fixFirst.map((f) => ({ ...f, object: ref(f.object), field: text(f.field), change: text(f.change), patch: text(f.patch) })),
    paths: ap.paths.map((p) => ({
      ...p,
      text: text(p.text),
      steps: p.steps.map((s) => ({
        ...s,
        namespace: s.namespace === null ? null : name(s.namespace),
        ...(s.name !== undefined ? { name: name(s.name) } : {}),
        text: text(s.text),
        ...(s.via !== undefined ? { via: text(s.via) } : {}),
      })),
    })),
    ...(ap.incomplete ? { incomplete: ap.incomplete.map(text) } : {}),
  };
}
