// Plain, JSON-shaped Kubernetes objects as the API serves them. Only the fields the
// posture reads are typed; everything else stays `unknown` so odd input cannot crash us.

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  creationTimestamp?: string;
  resourceVersion?: string;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- shapes vary per kind
  status?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  [key: string]: unknown;
}

export interface SecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  readOnlyRootFilesystem?: boolean;
  procMount?: string;
  capabilities?: { add?: string[]; drop?: string[] };
  seccompProfile?: { type?: string; localhostProfile?: string };
  appArmorProfile?: { type?: string; localhostProfile?: string };
  seLinuxOptions?: { type?: string; user?: string; role?: string; level?: string };
  windowsOptions?: { hostProcess?: boolean };
}

export interface Probe {
  httpGet?: { host?: string; port?: unknown; path?: string };
  tcpSocket?: { host?: string; port?: unknown };
}

export interface Container {
  name: string;
  image?: string;
  imagePullPolicy?: string;
  securityContext?: SecurityContext;
  ports?: { containerPort?: number; hostPort?: number; protocol?: string }[];
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { postStart?: Probe; preStop?: Probe };
}

export interface PodSecurityContext extends Omit<
  SecurityContext,
  'privileged' | 'allowPrivilegeEscalation' | 'capabilities' | 'procMount' | 'readOnlyRootFilesystem'
> {
  sysctls?: { name: string; value?: string }[];
}

export interface Volume {
  name: string;
  [source: string]: unknown;
}

export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  volumes?: Volume[];
  securityContext?: PodSecurityContext;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  hostUsers?: boolean;
  os?: { name?: string };
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  runtimeClassName?: string;
  imagePullSecrets?: { name: string }[];
  nodeName?: string;
}

/** Kinds that carry a pod template, and the path to it. */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/**
 * A pod or a pod-to-be: a bare Pod, or the template of the top-level controller that owns
 * it. Findings name this object, because it is the one a user edits to fix them.
 */
export interface Workload {
  kind: 'Pod' | WorkloadKind;
  apiVersion: string;
  namespace: string;
  name: string;
  /** Labels and annotations of the pod (the template's, for a controller). */
  podLabels: Record<string, string>;
  podAnnotations: Record<string, string>;
  spec: PodSpec;
  /** Number of running pods that came from this workload (live and dump sources). */
  pods: number;
}
