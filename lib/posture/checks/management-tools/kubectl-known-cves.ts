import { defineCheck, notAssessed } from '../../check';
import { join, marked, msg, obj, prose, subject } from '../../message';
import { clusterRef } from '../helpers';
import { worst } from '../host-security/support/nodes';
import { vulnerableKubectlClients } from './support/kubectl-clients';
import { KUBECTL_DETECTION_ID } from './support/kubectl-detection';

// kubectl versions people run, as their requests' user agents give them (audit events), against
// the kubectl CVE table (data/kubectl-cves.ts). The client writes its user agent itself: this is
// what it claims, a lead to follow up with the person, not proof.
export default defineCheck({
  id: 'management-tools.kubectl-known-cves',
  area: 'management-tools',
  severity: 'high',
  severityRange: ['low', 'high'],
  title: 'Nobody uses a kubectl with known vulnerabilities',
  remediation: 'Ask the people named to upgrade kubectl (https://kubernetes.io/docs/tasks/tools/), and to run `kube-posture --check-kubeconfig` on their machines; until then, no `kubectl cp` from untrusted pods.',
  references: [
    { title: 'CVE-2019-11251: kubectl cp symlink vulnerability', url: 'https://github.com/kubernetes/kubernetes/issues/87773' },
    { title: 'CVE-2019-11249: kubectl cp directory traversal', url: 'https://github.com/kubernetes/kubernetes/issues/80984' },
  ],
  needs: [],
  evaluate(inv) {
    if (!inv.audit || inv.audit.events === 0) return notAssessed("no audit events reached kube-posture, so the kubectl versions in use are unknown (scan with --audit-log FILE, or point the API server's audit webhook at it)");
    const seen = inv.audit.rows
      .filter((r) => r.detection === KUBECTL_DETECTION_ID)
      .map((r) => ({ userAgent: r.actor.userAgent, count: r.count, users: [r.actor.user], firstSeen: r.firstSeen, lastSeen: r.lastSeen }));
    return vulnerableKubectlClients(seen).map((v) => ({
      resource: clusterRef(inv),
      severity: worst(v.cves.map((c) => c.severity)),
      ...marked(
        msg`kubectl ${prose(v.version)} (${prose(v.cves.map((c) => c.cve).join(', '))}) sent ${v.count} request${prose(v.count === 1 ? '' : 's')} between ${prose(v.firstSeen ?? '?')} and ${prose(v.lastSeen ?? '?')}, by ${join(v.users.slice(0, 10).map(subject))}${prose(v.users.length > 10 ? ', …' : '')}; user agent ${join(v.userAgents.slice(0, 3).map((u) => obj(u, 'UserAgent')))} (set by the client, which can claim any version).`,
      ),
    }));
  },
});
