// Redaction for sharing outside the team: every namespace and object name in a posture
// document becomes a stable pseudonym (ns-1, deployment-3), in the references and in the
// text that names them. Scores, counts and check results are kept as they are.
import type { PostureDocument, ResourceRef } from '@/lib/posture/types';

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
  // Objects named by findings, then those a check could not judge (CheckResult.notAssessedFor).
  const named = [...doc.findings.map((f) => f.resource), ...doc.checks.flatMap((c) => (c.notAssessedFor ?? []).map((o) => o.resource))];
  for (const r of named) if (r.namespace) pseudonym(r.namespace, 'ns');
  for (const r of named) {
    const kind = r.kind.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'object';
    if (r.kind === 'Namespace') pseudonym(r.name, 'ns');
    else pseudonym(r.name, kind);
  }

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
    checks: doc.checks.map((c) => ({
      ...c,
      ...(c.reason === undefined ? {} : { reason: text(c.reason) }),
      ...(c.notAssessedFor ? { notAssessedFor: c.notAssessedFor.map((o) => ({ resource: ref(o.resource), reason: text(o.reason) })) } : {}),
    })),
    missingKinds: doc.missingKinds.map((m) => ({ ...m, detail: text(m.detail) })),
  };
  return { document, names };
}
