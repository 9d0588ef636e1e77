import { allowed } from '../../audit/event';
import { matchComponent } from '../../triage/catalogue';
import { body, by, isWrite, objectOf } from './support/match';
import { defineDetection, ELASTIC_RULES, FALCO_RULES, SIGMA_RULES } from './support/define-detection';

const WORKLOADS: Record<string, string> = {
  pods: 'Pod',
  deployments: 'Deployment',
  daemonsets: 'DaemonSet',
  statefulsets: 'StatefulSet',
  replicasets: 'ReplicaSet',
  jobs: 'Job',
  cronjobs: 'CronJob',
};

/** Host paths that hand over the node: its root, the runtime's socket, the kubelet's credentials (Falco's sensitive_mount list). */
const SENSITIVE = /^\/(|etc(\/.*)?|root(\/.*)?|proc(\/.*)?|var\/run(\/.*)?|run(\/.*)?|var\/lib\/kubelet(\/.*)?|var\/lib\/docker(\/.*)?|var\/lib\/containerd(\/.*)?|dev(\/.*)?|home\/admin(\/.*)?|boot(\/.*)?)$/;

type Spec = { hostPID?: unknown; hostNetwork?: unknown; hostIPC?: unknown; containers?: unknown; initContainers?: unknown; ephemeralContainers?: unknown; volumes?: unknown };

function podSpecOf(resource: string, b: Record<string, unknown>): Spec | null {
  const spec = b.spec as Record<string, unknown> | undefined;
  if (!spec) return null;
  if (resource === 'pods') return spec as Spec;
  if (resource === 'cronjobs') return (((spec.jobTemplate as Record<string, unknown>)?.spec as Record<string, unknown>)?.template as { spec?: Spec })?.spec ?? null;
  return (spec.template as { spec?: Spec } | undefined)?.spec ?? null;
}

function risks(spec: Spec): string[] {
  const out: string[] = [];
  const containers = [spec.containers, spec.initContainers, spec.ephemeralContainers].flatMap((l) => (Array.isArray(l) ? l : []));
  if (containers.some((c: { securityContext?: { privileged?: unknown } }) => c?.securityContext?.privileged === true)) out.push('privileged');
  for (const k of ['hostPID', 'hostNetwork', 'hostIPC'] as const) if (spec[k] === true) out.push(k);
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) {
    const p = (v as { hostPath?: { path?: unknown } })?.hostPath?.path;
    if (typeof p === 'string' && SENSITIVE.test(p.replace(/\/+$/, ''))) out.push(`hostPath ${p}`);
  }
  return out;
}

export default defineDetection({
  id: 'api-abuse.privileged-pod-created',
  severity: 'high',
  title: 'No privileged, host-namespace or sensitive hostPath workload is created outside known system components',
  remediation:
    'Find out who created the workload and why it needs the host. Delete it if it was not expected, and enforce the baseline Pod Security Standard on namespaces that do not run node agents. The request body is needed: audit pod and workload writes at level Request or above.',
  references: [FALCO_RULES, ELASTIC_RULES, SIGMA_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match(e) {
      const resource = e.objectRef?.resource ?? '';
      if (!(resource in WORKLOADS) || e.objectRef?.subresource || !isWrite(e) || !allowed(e)) return null;
      // Pods the workload controllers and kubelets (mirror pods) create follow a spec someone else wrote: that write is the one counted.
      if (!by(e, 'person', 'serviceaccount', 'anonymous') || /^system:serviceaccount:kube-system:[a-z-]+-controller$/.test(e.user?.username ?? '')) return null;
      const b = body(e);
      const spec = b && podSpecOf(resource, b);
      if (!spec) return null;
      const found = risks(spec);
      if (found.length === 0) return null;
      const owners = (b.metadata as { ownerReferences?: { kind?: unknown }[] } | undefined)?.ownerReferences;
      const ownerKind = resource === 'pods' ? (typeof owners?.[0]?.kind === 'string' ? owners[0].kind : 'Pod') : WORKLOADS[resource]!;
      const images = [spec.initContainers, spec.containers].flatMap((l) => (Array.isArray(l) ? l : [])).map((c: { image?: unknown }) => (typeof c?.image === 'string' ? c.image : ''));
      if (matchComponent({ namespace: e.objectRef?.namespace ?? '', ownerKind, images })) return null;
      return { object: objectOf(e), what: `${e.verb === 'create' ? 'created' : 'changed'} a workload with ${found.join(', ')}:` };
    },
  },
});
