import { defineCheck, notAssessed, ref } from '../../check';
import { osRelease } from '../../data/os-releases';
import { noNodeFacts, nodeInfo } from './support/nodes';

export default defineCheck({
  id: 'host-security.os-end-of-life',
  area: 'host-security',
  severity: 'high',
  title: 'Node operating system is past end of life',
  remediation: 'Move the node (or its node pool) to a supported OS release; past end of life the kernel, runc and system libraries get no free security fixes.',
  needs: ['nodes'],
  examines: (inv) => inv.objects.nodes.filter((n) => osRelease(nodeInfo(n).osImage)?.eol).map(ref),
  evaluate(inv) {
    const why = noNodeFacts(inv, 'osImage');
    if (why) return notAssessed(why);
    const known = inv.objects.nodes.filter((n) => osRelease(nodeInfo(n).osImage)?.eol);
    if (known.length === 0) return notAssessed('no node runs an OS release this check has end-of-life data for (Ubuntu, Debian)');
    const today = inv.readAt.slice(0, 10);
    return known.flatMap((n) => {
      const os = osRelease(nodeInfo(n).osImage)!;
      if (os.eol! > today) return [];
      return [
        {
          resource: ref(n),
          message: `Node ${n.metadata.name} runs ${nodeInfo(n).osImage}; free security updates for ${os.name} ${os.release} ended on ${os.eol}.`,
        },
      ];
    });
  },
});
