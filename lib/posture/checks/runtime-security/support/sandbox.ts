// Sandboxed RuntimeClasses (gVisor, Kata) and the workloads that use them.
import type { Inventory } from '../../../../cluster/inventory';
import type { K8sObject, Workload } from '../../../../cluster/types';

/** Handler names of sandboxing runtimes. Handler names are chosen by whoever configures the node; these are the projects' documented defaults. */
const SANDBOX_HANDLERS: { pattern: RegExp; name: string }[] = [
  { pattern: /^runsc(-.*)?$|gvisor/i, name: 'gVisor' },
  { pattern: /^kata(-.*)?$|kata/i, name: 'Kata Containers' },
];

export function sandboxOf(rc: K8sObject): string | null {
  const handler = String((rc as { handler?: unknown }).handler ?? '');
  return SANDBOX_HANDLERS.find((h) => h.pattern.test(handler))?.name ?? null;
}

export function sandboxedRuntimeClasses(inv: Inventory): { rc: K8sObject; sandbox: string; users: Workload[] }[] {
  return inv.objects.runtimeclasses.flatMap((rc) => {
    const sandbox = sandboxOf(rc);
    if (!sandbox) return [];
    return [{ rc, sandbox, users: inv.workloads.filter((w) => w.spec.runtimeClassName === rc.metadata.name) }];
  });
}
