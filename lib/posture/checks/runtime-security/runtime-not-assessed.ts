import type { K8sObject } from '../../../cluster/types';
import { defineCheck, notAssessed, ref } from '../../check';
import { containerdEol, parseRuntimeVersion } from '../../data/container-runtimes';
import { dockerEngineEol } from '../../data/docker-engine';
import { runtimeCves } from '../../data/runtime-cves';
import { coreVersion } from '../../data/version';
import { nodeInfo } from '../host-security/support/nodes';

/**
 * The runtime checks judge only what they have data for: vulnerabilities of containerd, CRI-O and
 * Docker Engine, end of life of containerd and Docker Engine. A node on any other runtime, one
 * whose version is not a release number, or one that reports none would otherwise pass them
 * silently: this says, per node, what of its runtime was not assessed, naming the string it
 * reports. Informational: it lowers no score, it keeps the gap visible.
 */
function notJudged(raw: string | null): string[] {
  const rt = parseRuntimeVersion(raw);
  if (!rt || !coreVersion(rt.version)) return ['vulnerability', 'end-of-life'];
  const gaps: string[] = [];
  if (!runtimeCves(rt.runtime)) gaps.push('vulnerability');
  const eolKnown =
    rt.runtime === 'containerd' ? rt.minor !== null && containerdEol(rt.minor) !== null : rt.runtime === 'docker' ? dockerEngineEol(rt.version) !== null : false;
  if (!eolKnown) gaps.push('end-of-life');
  return gaps;
}

function message(n: K8sObject): string | null {
  const raw = nodeInfo(n).containerRuntimeVersion;
  const gaps = notJudged(raw);
  if (gaps.length === 0) return null;
  if (raw === null) return `Node ${n.metadata.name} reports no status.nodeInfo.containerRuntimeVersion: its container runtime was not assessed for vulnerabilities or end of life.`;
  return `Node ${n.metadata.name} runs "${raw}": no ${gaps.join(' or ')} data for it here, so ${gaps.length > 1 ? 'neither was' : 'that was not'} assessed.`;
}

export default defineCheck({
  id: 'runtime-security.runtime-not-assessed',
  area: 'runtime-security',
  severity: 'info',
  title: 'Node container runtimes are fully assessed (data for each)',
  remediation:
    "Check the runtime's version against its vendor's security advisories and support policy yourself (CRI-O follows the Kubernetes minor it is released with), or run containerd, whose releases this dashboard tracks.",
  needs: ['nodes'],
  examines: (inv) => inv.objects.nodes.map(ref),
  evaluate(inv) {
    if (inv.objects.nodes.length === 0) return notAssessed('no Node objects in the input: node runtimes cannot be read');
    return inv.objects.nodes.flatMap((n) => {
      const m = message(n);
      return m ? [{ resource: ref(n), message: m }] : [];
    });
  },
});
