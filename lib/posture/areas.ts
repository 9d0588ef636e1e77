import type { AreaId } from './types';

export interface AreaMeta {
  id: AreaId;
  kind: 'native' | 'uncovered';
  title: string;
  /** What Kubernetes itself does (native) or leaves undone (uncovered) here. */
  summary: string;
  /** For uncovered areas: the kinds of tool that close the gap. */
  coveredBy?: string;
}

export const AREAS: readonly AreaMeta[] = [
  {
    id: 'pod-security',
    kind: 'native',
    title: 'Pod security & network policies',
    summary:
      'Pod Security Admission enforces the Pod Security Standards per namespace, and NetworkPolicies restrict pod traffic; both do nothing until a namespace opts in.',
  },
  {
    id: 'authn-authz',
    kind: 'native',
    title: 'Authentication & authorization',
    summary: 'The API server authenticates every request and asks its authorizers; anonymous access, permissive modes and long-lived tokens undo that.',
  },
  {
    id: 'rbac',
    kind: 'native',
    title: 'Role-based access control',
    summary: 'RBAC grants verbs on resources through bindings; a handful of powers (cluster-admin, escalate, secrets, exec) amount to owning the cluster.',
  },
  {
    id: 'encryption',
    kind: 'native',
    title: 'Data encryption',
    summary:
      'Kubernetes encrypts its own control-plane traffic, but ingress TLS, exposed plain-HTTP services and encryption of Secrets at rest are yours to configure.',
  },
  {
    id: 'resource-limits',
    kind: 'native',
    title: 'Resource access restrictions',
    summary: 'ResourceQuota and LimitRange cap what a namespace and a container may consume; without them one workload can starve the rest.',
  },
  {
    id: 'image-vulnerabilities',
    kind: 'uncovered',
    title: 'Vulnerabilities inside containers',
    summary: 'Kubernetes runs whatever an image contains; it never looks for known vulnerabilities in it.',
    coveredBy: 'an image scanner that reports into the cluster, such as Trivy Operator',
  },
  {
    id: 'host-security',
    kind: 'uncovered',
    title: 'Host security',
    summary: 'Kubernetes does not patch or harden the nodes it runs on; their kernels, OS images and kubelets are yours to keep current.',
    coveredBy: 'node benchmarks (kube-bench) and a host hardening or compliance agent',
  },
  {
    id: 'registry-security',
    kind: 'uncovered',
    title: 'Container registry security',
    summary: 'Kubernetes pulls any image from any registry; it neither pins registries nor verifies signatures.',
    coveredBy: 'an admission policy engine that pins registries and verifies signatures (Kyverno, Gatekeeper, Sigstore policy-controller)',
  },
  {
    id: 'runtime-security',
    kind: 'uncovered',
    title: 'Container runtime',
    summary: 'Kubernetes does not watch what containers do once started, nor patch the container runtime under them.',
    coveredBy: 'a runtime detector (Falco, Tetragon, Tracee) or sandboxed RuntimeClasses',
  },
  {
    id: 'api-abuse',
    kind: 'uncovered',
    title: 'Abuse of the Kubernetes API',
    summary:
      'Kubernetes enforces the RBAC and policies you define, but does nothing to detect or respond to their abuse: audit events are off unless you configure a policy and a backend, and nobody reads them unless you ship them to a detector.',
    coveredBy:
      "a detector that reads the API server's audit events (Falco with its k8saudit plugin, a SIEM, or kube-posture's own --audit-log and audit webhook receiver), fed by an audit policy with a log or webhook backend",
  },
  {
    id: 'management-tools',
    kind: 'uncovered',
    title: 'Management tools',
    summary:
      'Kubernetes cannot guarantee that the tools that manage it (kubectl, dashboards, GitOps controllers, cluster managers) are free of vulnerabilities or misconfigurations; their exposure, flags, powers and versions are yours to keep in check.',
    coveredBy: 'a configuration scanner that knows management tools, and keep each one patched, unexposed and least-privileged',
  },
];

export function areaMeta(id: AreaId): AreaMeta {
  const a = AREAS.find((x) => x.id === id);
  if (!a) throw new Error(`unknown area ${id}`);
  return a;
}
