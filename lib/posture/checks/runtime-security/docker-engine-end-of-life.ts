import { defineCheck, notAssessed, ref } from '../../check';
import { parseRuntimeVersion } from '../../data/container-runtimes';
import { dockerEngineEol } from '../../data/docker-engine';
import { noNodeFacts, nodeInfo } from '../host-security/support/nodes';

const dockerNodes = (inv: import('../../../cluster/inventory').Inventory) =>
  inv.objects.nodes.filter((n) => parseRuntimeVersion(nodeInfo(n).containerRuntimeVersion)?.runtime === 'docker');

export default defineCheck({
  id: 'runtime-security.docker-engine-end-of-life',
  area: 'runtime-security',
  severity: 'high',
  title: 'Node runs a Docker Engine release past end of life',
  remediation:
    'Move the node to containerd or CRI-O (dockershim left Kubernetes in 1.24; cri-dockerd is a stopgap), or at least upgrade Docker Engine to a maintained release line; end-of-life lines get no fixes for container escapes.',
  needs: ['nodes'],
  examines: (inv) => dockerNodes(inv).map(ref),
  evaluate(inv) {
    const why = noNodeFacts(inv, 'containerRuntimeVersion');
    if (why) return notAssessed(why);
    const today = inv.readAt.slice(0, 10);
    return dockerNodes(inv).flatMap((n) => {
      const rt = parseRuntimeVersion(nodeInfo(n).containerRuntimeVersion)!;
      const line = dockerEngineEol(rt.version);
      // A line with no data (a newer one) is named by runtime-not-assessed, not passed in silence.
      if (!line?.eol || line.eol > today) return [];
      return [{ resource: ref(n), message: `Node ${n.metadata.name} runs Docker Engine ${rt.version}; the ${line.cycle} line reached end of life on ${line.eol}.` }];
    });
  },
});
