import { defineCheck } from '../../check';
import { marked, msg, ns as nsName } from '../../message';
import { parseEnforcePolicy } from '../../pss/namespace-level';
import { namespaceRef, namespacesWithWorkloads } from '../helpers';

export default defineCheck({
  id: 'pod-security.namespace-enforces-privileged',
  area: 'pod-security',
  severity: 'medium',
  title: 'Namespace enforces the privileged level',
  remediation: `Keep privileged only for a namespace that holds nothing but the workloads that need host access (node agents), locked down by RBAC; enforce baseline or restricted everywhere else:
\`\`\`yaml
metadata:
  labels:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/enforce-version: latest
    pod-security.kubernetes.io/warn: restricted
\`\`\``,
  needs: ['namespaces'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => namespacesWithWorkloads(inv).map(namespaceRef),
  evaluate(inv) {
    const running = new Set(namespacesWithWorkloads(inv));
    return inv.objects.namespaces
      .filter((ns) => running.has(ns.metadata.name))
      .filter((ns) => {
        const p = parseEnforcePolicy(ns.metadata.labels);
        return p.labelled && p.level === 'privileged';
      })
      .map((ns) => ({
        resource: namespaceRef(ns.metadata.name),
        ...marked(
          msg`Namespace ${nsName(ns.metadata.name)} is labelled pod-security.kubernetes.io/enforce=privileged: the API server admits any pod here, privileged containers, host namespaces and hostPath mounts included, from anyone who can create pods in it.`,
        ),
      }));
  },
});
