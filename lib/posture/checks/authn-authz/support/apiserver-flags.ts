// The control-plane command lines (kube-apiserver, kube-controller-manager, kube-scheduler, etcd),
// read from the static mirror pods kubeadm-style control planes show in kube-system. Managed
// control planes (EKS, GKE, AKS) run them out of sight: there the flag checks are not assessed
// rather than passed.
import type { Inventory } from '../../../../cluster/inventory';
import type { K8sObject } from '../../../../cluster/types';
import { notAssessed, ref, type CheckOutcome, type RawFinding } from '../../../check';
import type { Cutoff } from '../../../incremental-cutoffs';
import { oncePerInventory } from '../../helpers';

export interface ApiServerCommandLine {
  pod: K8sObject;
  /** Every value given to each flag (without its leading dashes), in order; a bare `--flag` is 'true'. */
  flags: Map<string, string[]>;
}

export const NOT_VISIBLE =
  'kube-apiserver flags are not visible: no kube-apiserver pod in kube-system (a managed control plane, or an input without the control-plane pods)';

/** Parses `--a=b`, `--a b` and bare `--a`; a repeated flag keeps every value. */
export function parseFlags(argv: readonly string[]): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  const add = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-' || arg === '--') continue;
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    if (eq >= 0) add(body.slice(0, eq), body.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) add(body, argv[++i]!);
    else add(body, 'true');
  }
  return flags;
}

/** The last value of a flag (pflag: the last one wins), or undefined when it is not set. */
export function flag(cmd: ApiServerCommandLine, name: string): string | undefined {
  return cmd.flags.get(name)?.at(-1);
}

/** A list flag's values: comma-separated and possibly repeated. */
export function flagList(cmd: ApiServerCommandLine, name: string): string[] {
  return (cmd.flags.get(name) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The control-plane components kubeadm runs as static pods in kube-system. */
export const CONTROL_PLANE_COMPONENTS = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd'] as const;
export type ControlPlaneComponent = (typeof CONTROL_PLANE_COMPONENTS)[number];

/** Memoised: nine checks ask, and a pod change outside kube-system cannot change the answer (CONTROL_PLANE_CUTOFF). */
export function apiServerCommandLines(inv: Inventory): ApiServerCommandLine[] {
  return controlPlaneCommandLines(inv)['kube-apiserver'];
}

/** Every visible control-plane component's command lines, found in one pass over the pods. */
export function controlPlaneCommandLines(inv: Inventory): Record<ControlPlaneComponent, ApiServerCommandLine[]> {
  return oncePerInventory(inv, 'apiserver-command-lines', () => [inv.objects.pods], () => findControlPlane(inv), CONTROL_PLANE_CUTOFF);
}

// The control plane's static pods' mirrors (kube-apiserver, controller manager, scheduler, etcd) live in kube-system; no other pod is read.
const CONTROL_PLANE_CUTOFF: Cutoff = { judges: ['objects.pods'], unchanged: (_prev, _next, touched) => !touched.namespaces.has('kube-system') };

function findControlPlane(inv: Inventory): Record<ControlPlaneComponent, ApiServerCommandLine[]> {
  const out = Object.fromEntries(CONTROL_PLANE_COMPONENTS.map((c) => [c, [] as ApiServerCommandLine[]])) as Record<ControlPlaneComponent, ApiServerCommandLine[]>;
  for (const pod of inv.objects.pods) {
    if (pod.metadata.namespace !== 'kube-system') continue;
    for (const component of CONTROL_PLANE_COMPONENTS) {
      const labelled = pod.metadata.labels?.component === component;
      if (!labelled && !pod.metadata.name.startsWith(`${component}-`)) continue;
      const containers: unknown[] = Array.isArray(pod.spec?.containers) ? pod.spec.containers : [];
      const binary = new RegExp(`(^|/)${component}$`);
      const found = containers.find((c) => commandLine(c).some((a) => binary.test(a)) || (c as { name?: unknown }).name === component);
      if (found) {
        out[component].push({ pod, flags: parseFlags(commandLine(found)) });
        break;
      }
    }
  }
  return out;
}

function commandLine(c: unknown): string[] {
  const { command, args } = (c ?? {}) as { command?: unknown; args?: unknown };
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  // `sh -c "kube-apiserver --a=b …"`: split the shell string into words.
  return [...strings(command), ...strings(args)].flatMap((s) => (/\s/.test(s.trim()) ? s.trim().split(/\s+/) : [s]));
}

/** Runs `inspect` on every visible kube-apiserver; not assessed when there is none. */
export function evaluateApiServers(inv: Inventory, inspect: (cmd: ApiServerCommandLine, name: string) => Omit<RawFinding, 'resource'> | null): CheckOutcome {
  return evaluateControlPlane(inv, ['kube-apiserver'], inspect);
}

export const examinesApiServers = (inv: Inventory) => apiServerCommandLines(inv).map((c) => ref(c.pod));

/**
 * Runs `inspect` on every visible pod of the given components; not assessed when none of them is
 * visible (a managed control plane, or etcd outside the cluster).
 */
export function evaluateControlPlane(
  inv: Inventory,
  components: readonly ControlPlaneComponent[],
  inspect: (cmd: ApiServerCommandLine, name: string, component: ControlPlaneComponent) => Omit<RawFinding, 'resource'> | null,
): CheckOutcome {
  const all = controlPlaneCommandLines(inv);
  const lines = components.flatMap((component) => all[component].map((cmd) => ({ cmd, component })));
  if (lines.length === 0) return notAssessed(notVisible(components));
  return lines.flatMap(({ cmd, component }) => {
    const hit = inspect(cmd, `${component} pod ${cmd.pod.metadata.name}`, component);
    return hit ? [{ resource: ref(cmd.pod), ...hit }] : [];
  });
}

export function examinesControlPlane(components: readonly ControlPlaneComponent[]) {
  return (inv: Inventory) => {
    const all = controlPlaneCommandLines(inv);
    return components.flatMap((c) => all[c].map((cmd) => ref(cmd.pod)));
  };
}

function notVisible(components: readonly ControlPlaneComponent[]): string {
  if (components.length === 1 && components[0] === 'kube-apiserver') return NOT_VISIBLE;
  return `${components.join(', ')} flags are not visible: no such pod in kube-system (a managed control plane, an external etcd, or an input without the control-plane pods)`;
}
