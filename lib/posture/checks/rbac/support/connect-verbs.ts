// exec, attach and port-forward checks share how the cluster's version decides which verbs open a session.
import type { RbacModel } from '../../../rbac/model';
import type { Danger, DangerMatch } from './dangerous-permission';

/** The danger of opening sessions on these pods subresources, with this cluster's verbs (get too before 1.35). */
export function connectDanger(model: RbacModel, subresources: string[], what: string): Danger {
  return { verbs: model.connect.verbs, groups: [''], resources: subresources.map((s) => `pods/${s}`), what };
}

/** Said when get was counted only because the cluster's version is unknown. */
export function connectNote(model: RbacModel, matches: DangerMatch[]): string | null {
  return model.connect.note && matches.some((m) => /(^|\/)get /.test(m.phrase)) ? model.connect.note : null;
}
