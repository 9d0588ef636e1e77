import { defineCheck, notAssessed, ref } from '../../check';
import { kubernetesEol, minorOf } from '../../data/kubernetes-releases';
import { noNodeFacts } from './support/nodes';

export default defineCheck({
  id: 'host-security.kubelet-end-of-life',
  area: 'host-security',
  severity: 'high',
  title: 'Node runs a kubelet past end of life',
  remediation: 'Upgrade the node (or its node pool) to a supported Kubernetes minor version; end-of-life kubelets get no security fixes.',
  needs: ['nodes'],
  examines: (inv) => inv.objects.nodes.map(ref),
  evaluate(inv) {
    const why = noNodeFacts(inv, 'kubeletVersion');
    if (why) return notAssessed(why);
    const today = inv.readAt.slice(0, 10);
    return inv.objects.nodes.flatMap((n) => {
      const version = n.status?.nodeInfo?.kubeletVersion;
      const minor = minorOf(typeof version === 'string' ? version : null);
      const eol = minor === null ? null : kubernetesEol(minor);
      if (!eol || eol > today) return [];
      return [{ resource: ref(n), message: `Node ${n.metadata.name} runs kubelet ${version}; Kubernetes 1.${minor} reached end of life on ${eol}.` }];
    });
  },
});
