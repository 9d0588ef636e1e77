// Reading a cluster from files: a manifest folder, a `kubectl get -o json|yaml` dump, or the demo.
import path from 'node:path';
import { readAuditData } from '../audit/cli';
import { buildInventory } from './build-inventory';
import type { Inventory } from './inventory';
import { readObjectsFromPath } from './manifests';
import type { K8sObject } from './types';

export async function scanPath(inputPath: string, source: 'manifests' | 'demo' = 'manifests'): Promise<Inventory> {
  const objects = await readObjectsFromPath(inputPath);
  const name = source === 'demo' ? 'demo' : path.basename(path.resolve(inputPath));
  return buildInventory(objects, { cluster: { name, version: apiServerVersion(objects), source }, offline: true });
}

/**
 * Files carry no /version; a kubeadm-style kube-apiserver static pod's image tag is the
 * next best evidence of the control plane's version. Without one the version is unknown.
 */
export function apiServerVersion(objects: K8sObject[]): string | null {
  for (const o of objects) {
    if (o.kind !== 'Pod' || o.metadata.namespace !== 'kube-system' || o.metadata.labels?.component !== 'kube-apiserver') continue;
    const containers: unknown[] = Array.isArray(o.spec?.containers) ? o.spec.containers : [];
    for (const c of containers) {
      const image = (c as { image?: unknown })?.image;
      const m = typeof image === 'string' ? /kube-apiserver(?:-amd64|-arm64)?:(v1\.\d+\.\d+[^@\s]*)/.exec(image) : null;
      if (m) return m[1]!;
    }
  }
  return null;
}

/** The embedded demo cluster's manifests, relative to the process's working directory. */
export const DEMO_MANIFESTS = path.join(process.cwd(), 'lib', 'demo', 'manifests');

/** The demo's audit log, with planted abuse, beside its manifests. */
export const DEMO_AUDIT_LOG = path.join(process.cwd(), 'lib', 'demo', 'audit', 'audit.log');

export async function scanDemo(): Promise<Inventory> {
  return withDemoAudit(await scanPath(DEMO_MANIFESTS, 'demo'), DEMO_AUDIT_LOG);
}

/** The demo cluster carries its own audit log, so its api-abuse area has something to show. */
export async function withDemoAudit(inv: Inventory, file: string): Promise<Inventory> {
  return { ...inv, audit: await readAuditData([file], { quiet: true }) };
}
