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
/** Kubernetes' superuser group: the authorizer allows its members everything, with no binding. */
export const MASTERS = 'system:masters';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * The ServiceAccount a user name stands for, as the API server's SplitUsername reads it: exactly
 * system:serviceaccount:<namespace>:<name> with a valid namespace and ServiceAccount name. Anything
 * else (`...:builder:extra`, upper case) is an ordinary user name no token ever carries.
 */
export function serviceAccountOfUsername(user: string): { namespace: string; name: string } | null {
  if (!user.startsWith(SA_USER_PREFIX)) return null;
  const parts = user.slice(SA_USER_PREFIX.length).split(':');
  if (parts.length !== 2) return null;
  const [namespace, name] = parts as [string, string];
  if (namespace.length > 63 || !DNS_LABEL.test(namespace) || name.length > 253 || !DNS_SUBDOMAIN.test(name)) return null;
  return { namespace, name };
}

/** A subject as the authorizer sees it: a User whose name is a ServiceAccount's user name is that ServiceAccount. */
export function resolveSubject(s: SubjectRef): SubjectRef {
  const sa = s.kind === 'User' ? serviceAccountOfUsername(s.name) : null;
  return sa ? { kind: 'ServiceAccount', ...sa } : s;
}

/** A binding subject as the authorizer sees it; a ServiceAccount subject without a namespace takes the binding's (as kubectl writes it). */
export function normaliseSubject(raw: { kind?: unknown; name?: unknown; namespace?: unknown }, bindingNamespace?: string): SubjectRef | null {
  if (typeof raw.name !== 'string' || raw.name === '') return null;
  if (raw.kind === 'ServiceAccount') {
    const ns = typeof raw.namespace === 'string' && raw.namespace ? raw.namespace : bindingNamespace;
    return ns ? { kind: 'ServiceAccount', namespace: ns, name: raw.name } : null;
  }
  if (raw.kind === 'User' || raw.kind === 'Group') return resolveSubject({ kind: raw.kind, name: raw.name });
  return null;
}

export function subjectKey(s: SubjectRef): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount:${s.namespace}:${s.name}` : `${s.kind}:${s.name}`;
}

export function describeSubjectRef(s: SubjectRef): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`;
}

const group = (name: string): SubjectRef => ({ kind: 'Group', name });

/**
 * The groups every member of the subject is in, so its rights include theirs: the groups the API
 * server adds to a request (a ServiceAccount's three, system:authenticated for any authenticated user),
 * and for a group, the groups all its members share (every member of system:serviceaccounts:ci is a
 * ServiceAccount, so in system:serviceaccounts, and authenticated).
 */
export function impliedGroups(s: SubjectRef): SubjectRef[] {
  if (s.kind === 'ServiceAccount') return [group('system:serviceaccounts'), group(`system:serviceaccounts:${s.namespace}`), group('system:authenticated')];
  if (s.kind === 'User') return [group(s.name === 'system:anonymous' ? 'system:unauthenticated' : 'system:authenticated')];
  if (s.name.startsWith('system:serviceaccounts:')) return [group('system:serviceaccounts'), group('system:authenticated')];
  // Members of any group other than the two "everyone" groups have authenticated.
  return s.name === 'system:authenticated' || s.name === 'system:unauthenticated' ? [] : [group('system:authenticated')];
}

/** Members of system:masters pass every authorization check before RBAC is asked. */
export function isSuperuserGroup(s: SubjectRef): boolean {
  return s.kind === 'Group' && s.name === MASTERS;
}

/** Groups that stand for everyone (or everyone with credentials). */
export function isEveryone(s: SubjectRef): boolean {
  return (
    (s.kind === 'Group' && (s.name === 'system:authenticated' || s.name === 'system:unauthenticated')) || (s.kind === 'User' && s.name === 'system:anonymous')
  );
}
