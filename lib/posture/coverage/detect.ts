// Which known tools the inventory shows, and what that means for each uncovered area.
//
// Evidence, most reliable first: CRDs and admission webhooks only the tool creates, the tool's
// images in workloads, and the `source` of its PolicyReport results. Node agents must run on
// every node; admission engines cover registry security only through a registry-pinning or
// signature policy (see registry-policies.ts).
import type { Inventory } from '../../cluster/inventory';
import type { K8sObject, Workload } from '../../cluster/types';
import { AREAS } from '../areas';
import { oncePerInventory } from '../checks/helpers';
import { sameProjection, type Cutoff } from '../incremental-cutoffs';
import { auditEventsArrived, falcoAuditReaders } from '../checks/api-abuse/support/audit-detectors';
import { MANAGEMENT_TOOLS, managementTools, runsManagementTool } from '../checks/management-tools/support/tools';
import { sandboxedRuntimeClasses } from '../checks/runtime-security/support/sandbox';
import { image as imageName, join, marked, msg, named, obj, prose, type Message } from '../message';
import type { AreaId, Coverage, CoverageTool } from '../types';
import { missedNodes } from './node-coverage';
import { policyResults } from './policy-reports';
import { registryPolicies } from './registry-policies';
import { TOOL_SIGNATURES, type ToolSignature } from './tools';

export interface Sighting {
  tool: ToolSignature;
  /** With its names marked: a redacted share shows it with pseudonyms (lib/posture/message.ts). */
  evidence: Message;
  /** Why the sighting covers only part of the area (agent missing nodes, no policy, one-off run); null when it covers it all. */
  limit: Message | null;
}

/** Memoised per inventory: the engine and each area's coverage check all ask, and a sighting scans every workload. */
export function detectCoverage(inv: Inventory): Partial<Record<AreaId, Coverage>> {
  return oncePerInventory(
    inv,
    'coverage',
    () => [inv.objects, inv.workloads, inv.settings, inv.audit],
    () => computeCoverage(inv),
    COVERAGE_CUTOFF,
  );
}

// Coverage reads workloads only for tools' images and RuntimeClass users, in order, and the
// management tools only for which tool (and version) each of those workloads runs, not their
// ConfigMaps: an Argo CD ConfigMap's change leaves it as it was.
const COVERAGE_CUTOFF: Cutoff = {
  judges: ['workloads', `memo:${MANAGEMENT_TOOLS}`],
  unchanged: sameProjection((ws) => JSON.stringify(ws.filter(coverageRelevant))),
};

function computeCoverage(inv: Inventory): Partial<Record<AreaId, Coverage>> {
  const sightings = sightTools(inv);
  const out: Partial<Record<AreaId, Coverage>> = {};
  for (const area of AREAS.filter((a) => a.kind === 'uncovered')) {
    const tools: CoverageTool[] = [];
    let full = false;
    for (const s of sightings) {
      for (const c of s.tool.covers.filter((c) => c.area === area.id)) {
        const limit = s.limit;
        tools.push(coverageTool(s.tool.name, limit ? msg`${prose(c.role)} (${limit})` : msg`${prose(c.role)}`, s.evidence));
        if (c.full && !limit) full = true;
      }
    }
    if (area.id === 'runtime-security') tools.push(...sandboxTools(inv));
    if (area.id === 'api-abuse') {
      const audit = auditTools(inv);
      tools.push(...audit);
      if (audit.length > 0) full = true;
    }
    if (area.id === 'management-tools') tools.push(ownToolChecks(inv));
    out[area.id] = {
      status: full ? 'covered' : tools.length > 0 ? 'partial' : 'not-covered',
      tools,
      ...(full ? {} : { suggestion: `Install ${area.coveredBy}.` }),
    };
  }
  return out;
}

export function sightTools(inv: Inventory): Sighting[] {
  // Which tools each image belongs to, once per distinct image: clusters run few distinct
  // images in many pods, and every tool would otherwise test every container.
  const tools = new Map<string, Set<ToolSignature>>();
  const toolsOf = (image: string) => {
    let t = tools.get(image);
    if (!t) tools.set(image, (t = signaturesOf(image)));
    return t;
  };
  const candidates = inv.workloads.map((w) => ({ w, images: imagesOf(w) })).filter((c) => c.images.some((i) => toolsOf(i).size > 0));
  return TOOL_SIGNATURES.map((t) => sight(t, inv, candidates, toolsOf)).filter((s): s is Sighting => s !== null);
}

function sight(
  tool: ToolSignature,
  inv: Inventory,
  candidates: { w: Workload; images: string[] }[],
  toolsOf: (image: string) => Set<ToolSignature>,
): Sighting | null {
  const found: { evidence: Message; limit: Message | null; daemonSet?: boolean }[] = [];

  // A node agent is judged by its DaemonSet; anything else by the first object that proves it.
  for (const { w, images } of candidates) {
    const image = images.find((i) => toolsOf(i).has(tool));
    if (!image) continue;
    const evidence = msg`${named(w)} (image ${imageName(image)})`;
    if (tool.perNode && w.kind === 'DaemonSet') {
      const missed = missedNodes(inv, w);
      found.unshift({ evidence, limit: missed ? msg`not running on every node: ${missed}` : null, daemonSet: true });
      break;
    }
    found.push({ evidence, limit: w.kind === 'Job' ? msg`a one-off run, not a recurring benchmark` : null });
  }
  for (const crd of inv.objects.customresourcedefinitions) {
    const group = String(crd.spec?.group ?? '');
    const plural = String(crd.spec?.names?.plural ?? '');
    if (tool.crdGroups?.some((g) => g === group || g === `${group}/${plural}`)) {
      found.push({ evidence: msg`CustomResourceDefinition ${obj(crd.metadata.name, 'CustomResourceDefinition')}`, limit: null });
      break;
    }
  }
  const webhook = findWebhook(inv, tool);
  if (webhook) found.push({ evidence: webhook, limit: null });
  const report = policyResults(inv).find((r) => tool.policyReportSources?.includes(r.source.toLowerCase()));
  if (report) {
    const m = report.report.metadata;
    found.push({ evidence: msg`${named({ kind: report.report.kind, namespace: m.namespace, name: m.name })} (results from ${prose(report.source)})`, limit: null });
  }
  if (found.length === 0) return null;

  if (tool.perNode && !found.some((f) => f.daemonSet)) {
    // CRDs or webhooks of an agent whose DaemonSet is nowhere to be seen watch nothing.
    return { tool, evidence: found[0]!.evidence, limit: msg`its node agent DaemonSet was not found` };
  }
  if (tool.needsPolicy) {
    const policy = registryPolicies(inv).find((p) => p.tool === tool.name);
    if (policy) return { tool, evidence: msg`${found[0]!.evidence}; policy ${policy.evidence}`, limit: null };
    return { tool, evidence: found[0]!.evidence, limit: msg`no registry-pinning or signature policy visible` };
  }
  // Any unlimited sighting wins (a kube-bench CronJob or its reports beat a one-off Job).
  const chosen = found.find((f) => f.limit === null) ?? found[0]!;
  return { tool, evidence: chosen.evidence, limit: chosen.limit };
}

function findWebhook(inv: Inventory, tool: ToolSignature): Message | null {
  for (const cfg of [...inv.objects.validatingwebhookconfigurations, ...inv.objects.mutatingwebhookconfigurations]) {
    const label = named({ kind: cfg.kind, name: cfg.metadata.name });
    if (tool.webhookNames?.includes(cfg.metadata.name)) return label;
    const hooks = Array.isArray(cfg.webhooks) ? (cfg.webhooks as Record<string, unknown>[]) : [];
    for (const h of hooks) {
      const name = typeof h?.name === 'string' ? h.name : '';
      if (name && tool.webhookSuffixes?.some((s) => name.endsWith(s))) return msg`${label} (webhook ${obj(name, 'webhook')})`;
      const svc = (h?.clientConfig as { service?: { name?: unknown; namespace?: unknown } } | undefined)?.service;
      if (typeof svc?.name === 'string' && tool.webhookServices?.includes(svc.name))
        return msg`${label} (service ${named({ kind: 'Service', namespace: String(svc.namespace ?? '?'), name: svc.name })})`;
    }
  }
  return null;
}

/**
 * Whether the coverage could depend on this workload: it runs a known tool's image or a
 * RuntimeClass. The incremental path skips recomputing coverage when only other workloads
 * changed (COVERAGE_CUTOFF).
 */
function coverageRelevant(w: Workload): boolean {
  return Boolean(w.spec.runtimeClassName) || imagesOf(w).some((i) => signaturesOf(i).size > 0) || runsManagementTool(w);
}

function imagesOf(w: Workload): string[] {
  return [...(w.spec.containers ?? []), ...(w.spec.initContainers ?? [])].map((c) => c?.image).filter((i): i is string => typeof i === 'string');
}

// Each signature's image repositories: an image's repository matches one when it is it, or ends in "/" and it.
const SIGNATURES_BY_REPO = new Map<string, ToolSignature[]>();
for (const sig of TOOL_SIGNATURES) for (const p of sig.images ?? []) SIGNATURES_BY_REPO.set(p, [...(SIGNATURES_BY_REPO.get(p) ?? []), sig]);

/** The tools whose image this is: its repository (no tag, no digest), and each part of it after a "/", looked up. */
function signaturesOf(image: string): Set<ToolSignature> {
  const repo = image.split('@')[0]!.replace(/:[^/]*$/, '');
  const out = new Set<ToolSignature>();
  const look = (r: string) => {
    for (const sig of SIGNATURES_BY_REPO.get(r) ?? []) out.add(sig);
  };
  look(repo);
  for (let at = repo.indexOf('/'); at !== -1; at = repo.indexOf('/', at + 1)) look(repo.slice(at + 1));
  return out;
}

/** A sandboxed RuntimeClass is partial runtime coverage: it contains the workloads that use it, and detects nothing. */
function sandboxTools(inv: Inventory): CoverageTool[] {
  return sandboxedRuntimeClasses(inv).map(({ rc, sandbox, users }) =>
    coverageTool(
      `${sandbox} sandbox`,
      msg`isolates ${users.length} workload${prose(users.length === 1 ? '' : 's')} from the host kernel; detects nothing`,
      msg`${named({ kind: 'RuntimeClass', name: rc.metadata.name })} (handler ${obj(String((rc as K8sObject & { handler?: unknown }).handler), 'handler')})${
        users.length > 0 ? msg`, used by ${join(users.map(named))}` : msg`, used by no workload`
      }`,
    ),
  );
}

/** Readers of the API server's audit events: Falco's k8saudit plugin (a Falco image, so COVERAGE_CUTOFF already follows it) and kube-posture's own ingest. */
function auditTools(inv: Inventory): CoverageTool[] {
  const tools = falcoAuditReaders(inv).map((w) =>
    coverageTool('Falco k8saudit plugin', msg`reads the API server's audit events and alerts on its rules`, msg`${named(w)} (k8saudit)`),
  );
  if (auditEventsArrived(inv))
    tools.push(coverageTool('kube-posture audit ingest', msg`runs the api-abuse detections on ${inv.audit!.events} audit events`, msg`audit events received`));
  return tools;
}

/**
 * kube-posture itself judges the management tools it recognises in the cluster (checks/management-tools),
 * never all of them: a fork or a private mirror goes unrecognised, and kubectl and kubeconfigs on
 * workstations are judged only by `kube-posture --check-kubeconfig`. So the area is partly covered at best.
 */
function ownToolChecks(inv: Inventory): CoverageTool {
  const seen = managementTools(inv);
  return coverageTool(
    'kube-posture',
    msg`judges the management tools it recognises (exposure, settings, ServiceAccount powers, known CVEs); kubeconfigs and kubectl on workstations only through kube-posture --check-kubeconfig`,
    seen.length > 0
      ? msg`recognised ${join(seen.map((t) => msg`${prose(t.tool.name)}${t.version ? msg` ${prose(t.version)}` : msg``} (${named(t.workload)})`), '; ')}`
      : msg`no recognised management tool runs in the cluster`,
  );
}

/** A tool as the document lists it: its words, and where they name cluster objects. */
function coverageTool(name: string, role: Message, evidence: Message): CoverageTool {
  const r = marked(role);
  const e = marked(evidence);
  return { name, role: r.message, evidence: e.message, names: { role: r.names, evidence: e.names } };
}
