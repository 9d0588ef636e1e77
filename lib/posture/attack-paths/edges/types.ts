// The two shapes of edge rule: container escapes, judged per workload, and permission edges,
// judged per identity from its capabilities. Each rule lives in its own file with its precondition.
import type { Workload } from '../../../cluster/types';
import type { Grant } from '../../rbac/model';
import type { SubjectRef } from '../../rbac/subjects';
import type { Caps } from '../capabilities';
import type { Context } from '../context';
import type { Fix } from '../graph';

export interface RuleMeta {
  id: string;
  /** The edge in a few words. */
  title: string;
  /** Exactly when it is planted. */
  precondition: string;
}

export interface EscapeHit {
  /** 'node': root on the host; 'tokens': the credentials stored on it (pod tokens, the kubelet's). */
  to: 'node' | 'tokens';
  via: string;
  possible: boolean;
  fixes: Fix[];
}

export interface ContainerEscape extends RuleMeta {
  match(w: Workload, ctx: Context): EscapeHit[];
}

export interface Holder {
  subject: SubjectRef;
  vertex: number;
  /** Atoms from the subject's grants and its groups' (combinations may span them). */
  caps: Caps;
  /** Grants naming the subject itself: single-atom edges use only these (the group's vertex carries its own). */
  direct: ReadonlySet<Grant>;
  /** Every grant it holds, its groups' included. */
  grants: readonly Grant[];
}

export interface PermissionEdge extends RuleMeta {
  plant(ctx: Context, h: Holder): void;
}

/** Edges that follow from the cluster's layout rather than one workload or identity. */
export interface StructuralEdge extends RuleMeta {
  plant(ctx: Context): void;
}
