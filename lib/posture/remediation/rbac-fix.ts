// The fix for a binding that grants too much: take the flagged subjects off it (the patch lists
// the subjects that stay, as `subjects` has no merge key and a patch replaces it whole), or delete
// it when none stay; or narrow the role. Names marked as in the finding's message. Pure.
import type { K8sObject } from '../../cluster/types';
import { join, msg, named, ns, prose, subject, type Message } from '../message';
import type { SubjectRef } from '../rbac/subjects';
import type { NamedValue, ResourceRef } from '../types';
import { objectPatch, remedy, type Remedy } from './patch';

interface RawSubject {
  kind?: unknown;
  name?: unknown;
  namespace?: unknown;
  apiGroup?: unknown;
}

const same = (a: RawSubject, b: SubjectRef) => a.kind === b.kind && a.name === b.name && (b.kind !== 'ServiceAccount' || a.namespace === b.namespace);

function subjectPhrase(s: SubjectRef): Message {
  return s.kind === 'ServiceAccount' && s.namespace ? msg`ServiceAccount ${ns(s.namespace)}/${subject(s.name)}` : msg`${prose(s.kind)} ${subject(s.name)}`;
}

/** Remove `flagged` from the binding, or narrow the role that grants `what`. */
export function bindingRemedy(
  binding: ResourceRef,
  bindingObject: K8sObject,
  role: ResourceRef,
  flagged: readonly SubjectRef[],
  what: string,
): Remedy | undefined {
  const listed = (bindingObject as unknown as { subjects?: unknown }).subjects;
  const all = (Array.isArray(listed) ? (listed as unknown[]) : []).filter((s): s is RawSubject => typeof s === 'object' && s !== null);
  const kept = all.filter((s) => !flagged.some((f) => same(s, f)));
  const names: NamedValue[] = all.flatMap((s) => [
    ...(typeof s.name === 'string' ? [{ role: 'subject' as const, value: s.name }] : []),
    ...(typeof s.namespace === 'string' ? [{ role: 'namespace' as const, value: s.namespace }] : []),
  ]);
  const who = join(flagged.map(subjectPhrase));
  const narrow = msg`bind a role that does not grant ${prose(what)} in place of ${named(role)}`;
  if (kept.length === 0) {
    return remedy(msg`Delete ${named(binding)} (it binds only ${who}), or ${narrow}.`, null, names);
  }
  return remedy(msg`Remove ${who} from ${named(binding)}, or ${narrow}. Patch leaving the other subjects:`, objectPatch(binding, { subjects: kept }), names);
}
