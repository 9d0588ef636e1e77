// Which workloads are management tools: recognised by image repository (and, where one image
// runs several components, by the command). Pure.
//
// Sources for the names: the tools' install manifests and charts (kubernetes/dashboard,
// argoproj/argo-cd manifests/install.yaml, rancher/rancher, weaveworks/scope examples/k8s,
// Helm 2's `helm init`, portainer/k8s, headlamp-k8s/headlamp, bitnami/charts kubeapps,
// komodorio/helm-charts k8s-watcher, derailed/k9s).
import type { Inventory } from '../../../../cluster/inventory';
import type { Container, K8sObject, Workload } from '../../../../cluster/types';
import type { DatedCveRow } from '../../../data/cve-row';
import { ARGOCD_CVES, DASHBOARD_CVES, PORTAINER_CVES, RANCHER_CVES } from '../../../data/management-tool-cves';
import { objectsIn, workloadsIn, type Cutoff } from '../../../incremental-cutoffs';
import { allContainers, oncePerInventory } from '../../helpers';
import { parseImage } from '../../registry-security/support/image-ref';

export interface ToolDef {
  id: string;
  name: string;
  repository: RegExp;
  /** Further test on the container (one image, several components). */
  matches?(c: Container): boolean;
  /**
   * Whether the tool asks who its users are: 'none' means whoever reaches its port acts with its
   * ServiceAccount (Weave Scope, Tiller, `kubectl proxy`), unless a setting says otherwise.
   */
  login: 'own' | 'none';
  /** Advisories by the version in the image tag, when the tag is the tool's release. */
  cves?: readonly DatedCveRow[];
}

const words = (c: Container): string[] => {
  const raw = c as unknown as { command?: unknown; args?: unknown };
  return [raw.command, raw.args].flatMap((l) => (Array.isArray(l) ? l.filter((x): x is string => typeof x === 'string') : []));
};

/** The container's command and args, one token each ("sh -c '…'" split on blanks). */
export function argsOf(c: Container): string[] {
  return words(c).flatMap((w) => w.split(/\s+/).filter(Boolean));
}

const runs = (program: string) => (c: Container) => argsOf(c).some((t) => t === program || t.endsWith(`/${program}`));

/** `kubectl proxy` (or `kubectl … proxy`): the word proxy after a kubectl program. */
function runsKubectlProxy(c: Container): boolean {
  const t = argsOf(c);
  const at = t.findIndex((x) => x === 'kubectl' || x.endsWith('/kubectl'));
  return at >= 0 && t.slice(at + 1).includes('proxy');
}

export const TOOLS: readonly ToolDef[] = [
  {
    id: 'kubernetes-dashboard',
    name: 'Kubernetes Dashboard',
    repository: /(^|\/)(kubernetesui\/dashboard|kubernetes-dashboard-(amd64|arm64|arm|ppc64le|s390x))$/,
    login: 'own',
    cves: DASHBOARD_CVES,
  },
  // v7 splits the Dashboard into modules whose tags are their own versions, not the release's.
  { id: 'kubernetes-dashboard-v7', name: 'Kubernetes Dashboard (v7)', repository: /(^|\/)kubernetesui\/dashboard-(api|web|auth)$/, login: 'own' },
  { id: 'argocd-server', name: 'Argo CD API server', repository: /(^|\/)argoproj\/argocd$/, matches: runs('argocd-server'), login: 'own', cves: ARGOCD_CVES },
  { id: 'rancher', name: 'Rancher', repository: /(^|\/)rancher\/rancher$/, login: 'own', cves: RANCHER_CVES },
  {
    id: 'weave-scope',
    name: 'Weave Scope',
    repository: /(^|\/)weaveworks\/scope$/,
    // The probes (DaemonSet) report to the app; the app serves the UI on port 4040.
    matches: (c) => !argsOf(c).some((t) => /^--?(mode=probe|probe-only)$/.test(t)),
    login: 'none',
  },
  { id: 'tiller', name: "Helm 2's Tiller", repository: /(^|\/)(kubernetes-helm|helm)\/tiller$/, login: 'none' },
  { id: 'kubectl-proxy', name: '`kubectl proxy`', repository: /./, matches: runsKubectlProxy, login: 'none' },
  { id: 'portainer', name: 'Portainer', repository: /(^|\/)portainer\/portainer(-ce|-ee)?$/, login: 'own', cves: PORTAINER_CVES },
  { id: 'portainer-agent', name: 'Portainer agent', repository: /(^|\/)portainer\/agent$/, login: 'own' },
  { id: 'headlamp', name: 'Headlamp', repository: /(^|\/)headlamp-k8s\/headlamp$/, login: 'own' },
  { id: 'kubeapps', name: 'Kubeapps', repository: /(^|\/)bitnami\/kubeapps-(dashboard|apis)$/, login: 'own' },
  { id: 'komodor-agent', name: 'Komodor agent', repository: /(^|\/)komodorio\/k8s-watcher$/, login: 'own' },
  { id: 'k9s', name: 'k9s', repository: /(^|\/)derailed\/k9s$/, login: 'own' },
];

export interface ToolInstance {
  tool: ToolDef;
  workload: Workload;
  container: Container;
  /** The release in the image tag ("v2.10.1" -> "2.10.1"), or null when the tag names none. */
  version: string | null;
  /** A key of a ConfigMap in the workload's namespace, where the inventory holds it (Argo CD's). */
  configMapValue(name: string, key: string): string | undefined;
}

const TAG_VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)$/;

function instancesIn(w: Workload, configMaps: readonly K8sObject[]): ToolInstance[] {
  const configMapValue = (name: string, key: string) => {
    const v = configMaps.find((m) => m.metadata.namespace === w.namespace && m.metadata.name === name)?.data;
    return typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)[key] === 'string' ? ((v as Record<string, string>)[key] as string) : undefined;
  };
  const found: ToolInstance[] = [];
  for (const c of allContainers(w.spec)) {
    const img = typeof c.image === 'string' ? parseImage(c.image) : null;
    for (const tool of TOOLS) {
      if (found.some((f) => f.tool === tool)) continue;
      if (tool.id !== 'kubectl-proxy' && (!img || !tool.repository.test(img.repository))) continue;
      if (tool.matches && !tool.matches(c)) continue;
      found.push({ tool, workload: w, container: c, version: TAG_VERSION.exec(img?.tag ?? '')?.[1] ?? null, configMapValue });
    }
  }
  return found;
}

/** Whether the workload runs a management tool kube-posture recognises (by image and command alone). */
export function runsManagementTool(w: Workload): boolean {
  return instancesIn(w, []).length > 0;
}

/**
 * The tools' workloads in the changed namespaces, and Argo CD's ConfigMaps in those of them that
 * run a tool: the memo is a function of these alone (a tool reads ConfigMaps of its own namespace).
 */
function toolsProjection(inv: Inventory, namespaces: Set<string>): string {
  const tools = workloadsIn(inv, namespaces).filter(runsManagementTool);
  const maps = objectsIn(inv.objects.argocdconfigmaps, new Set(tools.map((w) => w.namespace)));
  return JSON.stringify([tools, maps]);
}

// A pod that runs no management tool, or a ConfigMap where no tool runs, changes nothing here.
const TOOLS_CUTOFF: Cutoff = {
  judges: ['workloads', 'objects.argocdconfigmaps'],
  unchanged: (prev, next, touched) => toolsProjection(prev, touched.namespaces) === toolsProjection(next, touched.namespaces),
};

/** The memo key of managementTools: a memo that reads only the tools' workloads (not their ConfigMaps) may judge it. */
export const MANAGEMENT_TOOLS = 'management-tools';

/** Every management tool the workloads run, one per tool and workload. */
export function managementTools(inv: Inventory): ToolInstance[] {
  return oncePerInventory(
    inv,
    MANAGEMENT_TOOLS,
    () => [inv.workloads, inv.objects.argocdconfigmaps],
    () => inv.workloads.flatMap((w) => instancesIn(w, inv.objects.argocdconfigmaps)),
    TOOLS_CUTOFF,
  );
}

/** A flag's value as Go's flag package reads it: "--name=value", "-name=value", or "--name" alone ("true"). */
export function flagValue(c: Container, name: string): string | undefined {
  for (const t of argsOf(c)) {
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(t);
    if (m && m[1] === name) return m[2] ?? 'true';
  }
  return undefined;
}

const truthy = (v: string | undefined) => v !== undefined && /^(true|1|yes)$/i.test(v.trim());

export function flagOn(c: Container, name: string): boolean {
  return truthy(flagValue(c, name));
}

/** Whether an environment variable is set to true (Go's strconv.ParseBool spellings we meet). */
export function envOn(t: ToolInstance, name: string): boolean {
  return truthy(envValue(t, name));
}

interface EnvVar {
  name: string;
  value?: unknown;
  valueFrom?: { configMapKeyRef?: { name?: unknown; key?: unknown } };
}

/** An environment variable: literal, or from a ConfigMap the inventory holds (Secrets and others read as absent). */
export function envValue(t: ToolInstance, name: string): string | undefined {
  const env = (t.container as unknown as { env?: unknown }).env;
  if (!Array.isArray(env)) return undefined;
  const e = env.find((x): x is EnvVar => typeof x === 'object' && x !== null && (x as { name?: unknown }).name === name);
  if (typeof e?.value === 'string') return e.value;
  const ref = e?.valueFrom?.configMapKeyRef;
  return typeof ref?.name === 'string' && typeof ref.key === 'string' ? t.configMapValue(ref.name, ref.key) : undefined;
}

/** Whether the variable is set at all (a literal or any valueFrom). */
export function envSet(c: Container, name: string): boolean {
  const env = (c as unknown as { env?: unknown }).env;
  return Array.isArray(env) && env.some((e) => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === name);
}
