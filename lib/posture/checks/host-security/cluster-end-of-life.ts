import { defineCheck, notAssessed } from '../../check';
import { kubernetesEol, minorOf } from '../../data/kubernetes-releases';
import { clusterRef } from '../helpers';
import { controlPlaneVersion } from './support/nodes';

export default defineCheck({
  id: 'host-security.cluster-end-of-life',
  area: 'host-security',
  severity: 'critical',
  title: 'Cluster runs a Kubernetes version past end of life',
  remediation: 'Upgrade the control plane one minor version at a time to a supported release, then the nodes; end-of-life versions get no security patches.',
  needs: [],
  examines: (inv) => [clusterRef(inv)],
  evaluate(inv) {
    const cp = controlPlaneVersion(inv);
    if (!cp) return notAssessed('the cluster version is unknown: no /version, no kube-apiserver pod and no control-plane node');
    const minor = minorOf(cp.version);
    if (minor === null) return notAssessed(`the cluster version ${cp.version} is not a Kubernetes 1.x version`);
    const eol = kubernetesEol(minor);
    if (!eol || eol > inv.readAt.slice(0, 10)) return [];
    return [
      {
        resource: clusterRef(inv),
        message: `Cluster ${inv.cluster.name} runs Kubernetes ${cp.version} (from ${cp.from}); 1.${minor} reached end of life on ${eol}.`,
      },
    ];
  },
});
