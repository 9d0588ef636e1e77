// Who a binding can name, and the groups Kubernetes adds to every request of a subject.
export type SubjectKind = 'User' | 'Group' | 'ServiceAccount';
export const SUBJECT_KINDS: readonly SubjectKind[] = ['User', 'Group', 'ServiceAccount'];

export interface SubjectRef {
  kind: SubjectKind;
  name: string;
  /** Only for ServiceAccounts. */
  namespace?: string;
}

const SA_USER_PREFIX = 'system:serviceaccount:';

/**
 * A binding subject as the authorizer sees it. A User named system:serviceaccount:<ns>:<name> is that
 * ServiceAccount; a ServiceAccount subject without a namespace takes the binding's (as kubectl writes it).
 */
export function normaliseSubject(raw: { kind?: unknown; name?: unknown; namespace?: unknown }, bindingNamespace?: string): SubjectRef | null {
  if (typeof raw.name !== 'string' || raw.name === '') return null;
  if (raw.kind === 'ServiceAccount') {
    const ns = typeof raw.namespace === 'string' && raw.namespace ? raw.namespace : bindingNamespace;
    return ns ? { kind: 'ServiceAccount', namespace: ns, name: raw.name } : null;
  }
  if (raw.kind === 'User' && raw.name.startsWith(SA_USER_PREFIX)) {
    const [ns, name] = raw.name.slice(SA_USER_PREFIX.length).split(':');
    if (ns && name) return { kind: 'ServiceAccount', namespace: ns, name };
  }
  if (raw.kind === 'User' || raw.kind === 'Group') return { kind: raw.kind, name: raw.name };
  return null;
}

export function subjectKey(s: SubjectRef): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount:${s.namespace}:${s.name}` : `${s.kind}:${s.name}`;
}

export function describeSubjectRef(s: SubjectRef): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`;
}

const group = (name: string): SubjectRef => ({ kind: 'Group', name });

/** The groups the API server adds to the subject's requests: its rights include theirs. */
export function impliedGroups(s: SubjectRef): SubjectRef[] {
  if (s.kind === 'ServiceAccount') return [group('system:serviceaccounts'), group(`system:serviceaccounts:${s.namespace}`), group('system:authenticated')];
  if (s.kind === 'User') return [group(s.name === 'system:anonymous' ? 'system:unauthenticated' : 'system:authenticated')];
  // Members of any group other than the two "everyone" groups have authenticated.
  return s.name === 'system:authenticated' || s.name === 'system:unauthenticated' ? [] : [group('system:authenticated')];
}

/** Groups that stand for everyone (or everyone with credentials). */
export function isEveryone(s: SubjectRef): boolean {
  return (
    (s.kind === 'Group' && (s.name === 'system:authenticated' || s.name === 'system:unauthenticated')) || (s.kind === 'User' && s.name === 'system:anonymous')
  );
}
