import { defineCheck, notAssessed, ref } from '../../check';
import { parseRuntimeVersion } from '../../data/container-runtimes';
import { runtimeCveSource, runtimeCves } from '../../data/runtime-cves';
import { coreVersion } from '../../data/version';
import { listCves, matchingCves, noNodeFacts, nodeInfo, worst } from '../host-security/support/nodes';

export default defineCheck({
  id: 'runtime-security.runtime-known-cves',
  area: 'runtime-security',
  severity: 'high',
  severityRange: ['low', 'critical'], // the worst listed CVE's severity
  title: 'Node container runtime has known vulnerabilities',
  remediation:
    'Upgrade containerd, CRI-O or Docker Engine on the node to a release that fixes these CVEs (usually by moving the node pool to a newer node image), then drain and replace the node.',
  needs: ['nodes'],
  examines: (inv) => inv.objects.nodes.filter((n) => runtimeCves(parseRuntimeVersion(nodeInfo(n).containerRuntimeVersion)?.runtime ?? '')).map(ref),
  evaluate(inv) {
    const why = noNodeFacts(inv, 'containerRuntimeVersion');
    if (why) return notAssessed(why);
    const judged = inv.objects.nodes.filter((n) => runtimeCves(parseRuntimeVersion(nodeInfo(n).containerRuntimeVersion)?.runtime ?? ''));
    if (judged.length === 0) return notAssessed('no node runs containerd, CRI-O or Docker Engine, the runtimes this check has vulnerability data for (runtime-not-assessed names each node)');
    return judged.flatMap((n) => {
      const rt = parseRuntimeVersion(nodeInfo(n).containerRuntimeVersion)!;
      const core = coreVersion(rt.version);
      if (!core) return [];
      const hits = matchingCves(runtimeCves(rt.runtime)!, core);
      if (hits.length === 0) return [];
      return [
        {
          resource: ref(n),
          severity: worst(hits.map((h) => h.row.severity)),
          message: `Node ${n.metadata.name} runs ${rt.runtime} ${rt.version}, affected by ${listCves(hits)} (${runtimeCveSource(rt.runtime)}).`,
        },
      ];
    });
  },
});
