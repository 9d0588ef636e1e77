import type { Inventory } from '../../../cluster/inventory';
import type { K8sObject } from '../../../cluster/types';
import { defineCheck, notAssessed, ref } from '../../check';
import { parseRuntimeVersion } from '../../data/container-runtimes';
import { runtimeCves } from '../../data/runtime-cves';
import { nodeInfo } from '../host-security/nodes';

/**
 * The runtime checks judge only runtimes they have data for (containerd, CRI-O, Docker Engine).
 * A node on any other runtime, or one that reports none, would otherwise pass them silently:
 * this says, per node, that its runtime was not assessed, naming the string it reports.
 * Informational: it lowers no score, it only keeps the gap visible.
 */
function unjudged(n: K8sObject): string | null {
  const raw = nodeInfo(n).containerRuntimeVersion;
  if (raw === null) return `Node ${n.metadata.name} reports no status.nodeInfo.containerRuntimeVersion: its container runtime was not assessed for known vulnerabilities or end of life.`;
  const rt = parseRuntimeVersion(raw);
  if (rt && runtimeCves(rt.runtime)) return null;
  return `Node ${n.metadata.name} runs "${raw}": no vulnerability or end-of-life data for this runtime, so it was not assessed (only containerd, CRI-O and Docker Engine are).`;
}

const unjudgedNodes = (inv: Inventory) => inv.objects.nodes.filter((n) => unjudged(n) !== null);

export default defineCheck({
  id: 'runtime-security.runtime-not-assessed',
  area: 'runtime-security',
  severity: 'info',
  title: 'Node container runtime not assessed (no data for it)',
  remediation:
    "Check the runtime's version against its vendor's security advisories and support policy yourself, or run containerd or CRI-O, whose releases this dashboard tracks.",
  needs: ['nodes'],
  examines: (inv) => inv.objects.nodes.map(ref),
  evaluate(inv) {
    if (inv.objects.nodes.length === 0) return notAssessed('no Node objects in the input: node runtimes cannot be read');
    return unjudgedNodes(inv).map((n) => ({ resource: ref(n), message: unjudged(n)! }));
  },
});
