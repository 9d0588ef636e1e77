// Shapes of the Pod Security Standards evaluator. Pure data, no logic.
import type { PodSpec } from '../../cluster/types';

export type PssLevel = 'privileged' | 'baseline' | 'restricted';
export type ControlLevel = Exclude<PssLevel, 'privileged'>;

/** Upstream check ids (kubernetes/pod-security-admission policy/check_*.go). */
export type ControlId =
  | 'hostNamespaces'
  | 'privileged'
  | 'capabilities_baseline'
  | 'hostPathVolumes'
  | 'hostPorts'
  | 'appArmorProfile'
  | 'seLinuxOptions'
  | 'procMount'
  | 'seccompProfile_baseline'
  | 'sysctls'
  | 'windowsHostProcess'
  | 'hostProbesAndHostLifecycle'
  | 'restrictedVolumes'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'allowPrivilegeEscalation'
  | 'seccompProfile_restricted'
  | 'capabilities_restricted'
  | 'procMount_restricted';

/** The pod metadata a control may read (annotations only, as in PSA). */
export interface PodMeta {
  annotations: Record<string, string>;
}

/** What a pod (or template) is evaluated as: its annotations and spec, both possibly malformed. */
export interface PodInput {
  annotations?: unknown;
  spec?: unknown;
}

export interface Violation {
  control: ControlId;
  level: ControlLevel;
  /** Short reason in the words kubectl prints, e.g. "host namespaces". */
  reason: string;
  /** Which containers / fields, for a human. */
  detail: string;
  /** Offending fields, e.g. spec.containers[0].securityContext.privileged. */
  paths?: string[];
}

export interface Control {
  id: ControlId;
  /** kebab-case name: the control's file name and its check id suffix. */
  slug: string;
  level: ControlLevel;
  title: string;
  /** Policy minors where the control starts (first entry) or changes behaviour. */
  versions: readonly number[];
  /** The baseline control this restricted one replaces at the restricted level. */
  overrides?: ControlId;
  /** Called only for minors where the control applies, clamped to the newest policy. */
  evaluate(meta: PodMeta, spec: PodSpec, minor: number): Violation | null;
}
