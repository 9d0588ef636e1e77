import { defineCheck, notAssessed, ref } from '../../check';
import { KERNEL_CVES } from '../../data/kernel-cves';
import { coreVersion } from '../../data/version';
import { listCves, matchingCves, noNodeFacts, nodeInfo } from './support/nodes';

export default defineCheck({
  id: 'host-security.kernel-possibly-vulnerable',
  area: 'host-security',
  // Low on purpose: distributions backport kernel fixes without changing the upstream version.
  severity: 'low',
  title: 'Node kernel is possibly vulnerable to a known container escape',
  remediation:
    "Look the node's exact kernel build up in its distribution's security tracker; if the fix is missing, move the node to a patched kernel (a newer node image) and reboot it.",
  needs: ['nodes'],
  examines: (inv) => inv.objects.nodes.filter((n) => nodeInfo(n).kernelVersion).map(ref),
  evaluate(inv) {
    const why = noNodeFacts(inv, 'kernelVersion');
    if (why) return notAssessed(why);
    return inv.objects.nodes.flatMap((n) => {
      const kernel = nodeInfo(n).kernelVersion;
      const core = coreVersion(kernel);
      if (!kernel || !core || nodeInfo(n).operatingSystem === 'windows') return [];
      const hits = matchingCves(KERNEL_CVES, core);
      if (hits.length === 0) return [];
      return [
        {
          resource: ref(n),
          message: `Node ${n.metadata.name} runs kernel ${kernel}, possibly vulnerable to ${listCves(hits)}: upstream ${core} is in the affected range, but its distribution may have backported the fix.`,
        },
      ];
    });
  },
});
