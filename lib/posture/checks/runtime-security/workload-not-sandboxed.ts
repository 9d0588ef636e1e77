import { defineCheck, notAssessed } from '../../check';
import { workloadRef } from '../helpers';
import { sandboxedRuntimeClasses } from './support/sandbox';

/**
 * Workloads that run as root or with added capabilities but outside the sandboxed runtime the
 * cluster offers. Only assessed where a sandbox (gVisor, Kata) exists: without one there is
 * nothing to choose, and the coverage check already says so.
 */
export default defineCheck({
  id: 'runtime-security.workload-not-sandboxed',
  area: 'runtime-security',
  severity: 'low',
  title: 'Risky workloads use the sandboxed runtime',
  remediation:
    'Set spec.runtimeClassName to the sandboxed RuntimeClass for workloads that run untrusted code or as root, so a kernel exploit hits the sandbox, not the node.',
  needs: ['runtimeclasses', 'pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => inv.workloads.filter((w) => w.namespace !== 'kube-system').map(workloadRef),
  evaluate(inv) {
    const sandboxes = sandboxedRuntimeClasses(inv);
    if (sandboxes.length === 0) return notAssessed('the cluster offers no sandboxed RuntimeClass (gVisor, Kata)');
    const names = new Set(sandboxes.map((s) => s.rc.metadata.name));
    const offer = sandboxes.map((s) => `${s.rc.metadata.name} (${s.sandbox})`).join(', ');
    return inv.workloads
      .filter((w) => w.namespace !== 'kube-system' && !names.has(w.spec.runtimeClassName ?? ''))
      .filter((w) => risky(w))
      .map((w) => ({
        resource: workloadRef(w),
        message: `${w.kind} ${w.namespace}/${w.name} ${risky(w)} but does not use the sandboxed RuntimeClass ${offer}.`,
      }));
  },
});

function risky(w: import('../../../cluster/types').Workload): string | null {
  const spec = w.spec;
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC) return null; // node agents cannot be sandboxed; host-security flags them
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  if (containers.some((c) => c?.securityContext?.privileged)) return null;
  const root = containers.some((c) => (c?.securityContext?.runAsUser ?? spec.securityContext?.runAsUser) === 0);
  const caps = containers.some((c) =>
    (c?.securityContext?.capabilities?.add ?? []).some((x) => String(x).toUpperCase().replace(/^CAP_/, '') !== 'NET_BIND_SERVICE'),
  );
  return root ? 'runs as root' : caps ? 'adds Linux capabilities' : null;
}
