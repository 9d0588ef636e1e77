// Which known tools the inventory shows, and what that means for each uncovered area.
import type { Inventory } from '../../cluster/inventory';
import type { K8sObject } from '../../cluster/types';
import { AREAS } from '../areas';
import type { AreaId, Coverage, CoverageTool } from '../types';
import { TOOL_SIGNATURES, type ToolSignature } from './tools';

interface Sighting {
  tool: ToolSignature;
  evidence: string;
  /** For node agents: false when the DaemonSet does not run on every node. */
  onEveryNode: boolean;
}

export function detectCoverage(inv: Inventory): Partial<Record<AreaId, Coverage>> {
  const sightings = TOOL_SIGNATURES.map((t) => sight(t, inv)).filter((s): s is Sighting => s !== null);
  const out: Partial<Record<AreaId, Coverage>> = {};
  for (const area of AREAS.filter((a) => a.kind === 'uncovered')) {
    const tools: CoverageTool[] = [];
    let full = false;
    for (const s of sightings) {
      for (const c of s.tool.covers.filter((c) => c.area === area.id)) {
        const partialNote = s.onEveryNode ? '' : ' (not running on every node)';
        tools.push({ name: s.tool.name, role: c.role + partialNote, evidence: s.evidence });
        if (c.full && s.onEveryNode) full = true;
      }
    }
    out[area.id] = {
      status: full ? 'covered' : tools.length > 0 ? 'partial' : 'not-covered',
      tools,
      ...(full ? {} : { suggestion: `Install ${area.coveredBy}.` }),
    };
  }
  return out;
}

function sight(tool: ToolSignature, inv: Inventory): Sighting | null {
  for (const crd of inv.objects.customresourcedefinitions) {
    const group = String(crd.spec?.group ?? '');
    const plural = String(crd.spec?.names?.plural ?? '');
    if (tool.crdGroups?.some((g) => g === group || g === `${group}/${plural}`)) {
      return { tool, evidence: `CustomResourceDefinition ${crd.metadata.name}`, onEveryNode: true };
    }
  }
  for (const w of inv.workloads) {
    const image = [...(w.spec.containers ?? []), ...(w.spec.initContainers ?? [])]
      .map((c) => c?.image)
      .find((i) => typeof i === 'string' && matchesImage(i, tool.images));
    if (!image) continue;
    const onEveryNode = !tool.perNode || w.kind !== 'DaemonSet' || runsOnEveryNode(inv, w.namespace, w.name);
    return { tool, evidence: `${w.kind} ${w.namespace}/${w.name} (image ${image})`, onEveryNode };
  }
  return null;
}

function matchesImage(image: string, patterns: string[] | undefined): boolean {
  const repo = image.split('@')[0]!.replace(/:[^/]*$/, '');
  return (patterns ?? []).some((p) => repo === p || repo.endsWith(`/${p}`));
}

/** A DaemonSet covers every node when it is scheduled on as many nodes as the cluster has. */
function runsOnEveryNode(inv: Inventory, namespace: string, name: string): boolean {
  const ds: K8sObject | undefined = inv.objects.daemonsets.find((d) => d.metadata.namespace === namespace && d.metadata.name === name);
  const scheduled = Number(ds?.status?.desiredNumberScheduled);
  const nodes = inv.objects.nodes.length;
  if (!Number.isFinite(scheduled) || nodes === 0) return true; // no status to judge by: do not guess partial
  return scheduled >= nodes;
}
