import { defineCheck, notAssessed, ref } from '../../check';
import { CONTAINERD_EOL, containerdEol, parseRuntimeVersion } from '../../data/container-runtimes';
import { noNodeFacts } from '../host-security/support/nodes';

export default defineCheck({
  id: 'runtime-security.containerd-end-of-life',
  area: 'runtime-security',
  severity: 'high',
  title: 'Node runs a containerd release past end of life',
  remediation:
    'Upgrade containerd on the node (usually by moving the node pool to a newer node image); end-of-life releases get no fixes for container escapes.',
  needs: ['nodes'],
  examines: (inv) => inv.objects.nodes.map(ref),
  evaluate(inv) {
    const why = noNodeFacts(inv, 'containerRuntimeVersion');
    if (why) return notAssessed(why);
    const today = inv.readAt.slice(0, 10);
    return inv.objects.nodes.flatMap((n) => {
      const rt = parseRuntimeVersion(n.status?.nodeInfo?.containerRuntimeVersion);
      const eol = rt?.runtime === 'containerd' && rt.minor ? containerdEol(rt.minor) : null;
      if (!rt || !eol || eol > today) return [];
      const when = rt.minor! in CONTAINERD_EOL ? `on ${eol}` : `before ${eol} (when 1.3, the oldest line listed, did)`;
      return [{ resource: ref(n), message: `Node ${n.metadata.name} runs containerd ${rt.version}; containerd ${rt.minor} reached end of life ${when}.` }];
    });
  },
});
