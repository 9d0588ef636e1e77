import type { Container, Workload } from '../../../cluster/types';
import { defineCheck } from '../../check';
import { allContainers, everyWorkloadRef, workloadRef } from '../helpers';
import { notASecretValue, secretName, secretValueKind } from './support/secret-patterns';

interface EnvVar {
  name?: unknown;
  value?: unknown;
  valueFrom?: unknown;
}

interface Hit {
  container: string;
  variable: string;
  why: string;
  /** The value has a credential's format, not only a credential's name. */
  byValue: boolean;
}

/**
 * Credentials written into a pod spec as literal env values: readable by anyone who can read the
 * workload (get deployments, not only get secrets), kept in every ReplicaSet revision, in GitOps
 * repositories and `kubectl describe` output. Counterparts: Kubescape C-0012, Polaris
 * sensitiveContainerEnvVar. Findings name the container and the variable only: the value is
 * never copied into a message, a remediation or a log.
 */
function hits(w: Workload): Hit[] {
  return allContainers(w.spec).flatMap((c: Container) => {
    const env = (c as { env?: unknown }).env;
    if (!Array.isArray(env)) return [];
    return env.flatMap((e: EnvVar): Hit[] => {
      if (typeof e?.name !== 'string' || typeof e.value !== 'string' || e.valueFrom !== undefined) return [];
      const kind = secretValueKind(e.value);
      if (kind) return [{ container: c.name, variable: e.name, why: `holds what looks like ${kind}`, byValue: true }];
      const word = secretName(e.name);
      if (word && !notASecretValue(e.value)) return [{ container: c.name, variable: e.name, why: `is named like a credential ("${word}") and set to a literal value`, byValue: false }];
      return [];
    });
  });
}

export default defineCheck({
  id: 'authn-authz.secret-in-environment',
  references: [{ title: 'Kubescape C-0012' }],
  area: 'authn-authz',
  severity: 'high',
  title: 'Credential written into a container\'s environment as a literal value',
  remediation: `Move the value into a Secret (and rotate it: it has been readable by everyone who can read the workload),
then reference it instead of writing it:
  env:
  - name: DB_PASSWORD
    valueFrom:
      secretKeyRef: {name: db-credentials, key: password}
Better still, mount the Secret as a file, or have the workload fetch short-lived credentials (workload identity).`,
  needs: ['pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: everyWorkloadRef,
  evaluate(inv) {
    return inv.workloads.flatMap((w) => {
      const found = hits(w);
      if (found.length === 0) return [];
      const list = found.map((h) => `container ${h.container}: ${h.variable} ${h.why}`).join('; ');
      return [
        {
          resource: workloadRef(w),
          // A value in a credential's format is near-certain; a name alone may be a false alarm.
          severity: found.some((h) => h.byValue) ? ('high' as const) : ('medium' as const),
          message: `${w.kind} ${w.namespace}/${w.name} has credentials in plain environment variables (values not shown): ${list}.`,
        },
      ];
    });
  },
});
