// The kube-apiserver command line, read from the static mirror pods kubeadm-style control planes
// show in kube-system. Managed control planes (EKS, GKE, AKS) run the API server out of sight:
// there the flag checks are not assessed rather than passed.
import type { Inventory } from '../../../cluster/inventory';
import type { K8sObject } from '../../../cluster/types';
import { notAssessed, ref, type CheckOutcome, type RawFinding } from '../../check';
import { oncePerInventory } from '../helpers';

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

/** Memoised: nine checks ask, and a pod change outside kube-system cannot change the answer (incremental-cutoffs.ts). */
export function apiServerCommandLines(inv: Inventory): ApiServerCommandLine[] {
  return oncePerInventory(inv, APISERVER_MEMO, () => [inv.objects.pods], () => findApiServers(inv));
}

export const APISERVER_MEMO = 'apiserver-command-lines';

function findApiServers(inv: Inventory): ApiServerCommandLine[] {
  const out: ApiServerCommandLine[] = [];
  for (const pod of inv.objects.pods) {
    if (pod.metadata.namespace !== 'kube-system') continue;
    const labelled = pod.metadata.labels?.component === 'kube-apiserver';
    if (!labelled && !pod.metadata.name.startsWith('kube-apiserver-')) continue;
    const containers: unknown[] = Array.isArray(pod.spec?.containers) ? pod.spec.containers : [];
    for (const c of containers) {
      const argv = commandLine(c);
      if (argv.some((a) => /(^|\/)kube-apiserver$/.test(a)) || (c as { name?: unknown }).name === 'kube-apiserver') {
        out.push({ pod, flags: parseFlags(argv) });
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
  const lines = apiServerCommandLines(inv);
  if (lines.length === 0) return notAssessed(NOT_VISIBLE);
  return lines.flatMap((cmd) => {
    const hit = inspect(cmd, `kube-apiserver pod ${cmd.pod.metadata.name}`);
    return hit ? [{ resource: ref(cmd.pod), ...hit }] : [];
  });
}

export const examinesApiServers = (inv: Inventory) => apiServerCommandLines(inv).map((c) => ref(c.pod));
