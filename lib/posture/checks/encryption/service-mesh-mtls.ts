// Mutual TLS between pods, where a service mesh provides it. Without a mesh there is nothing to
// judge here: the check is not assessed (pod-to-pod encryption is then the app's or the CNI's job).
import type { Inventory } from '../../../cluster/inventory';
import type { K8sObject, Workload } from '../../../cluster/types';
import { notAssessed, ref, type RawFinding } from '../../check';
import { defineCheck } from '../../check';
import { sameProjection, type Cutoff } from '../../incremental-cutoffs';
import { allContainers, namespaceRef, oncePerInventory } from '../helpers';

const ISTIO_ROOT = 'istio-system'; // Istio's default root namespace, where mesh-wide policy lives
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);
const WEAK_MODES: Record<string, 'high' | 'medium'> = { DISABLE: 'high', PERMISSIVE: 'medium' };

const linkerdInject = (o: { metadata: { annotations?: Record<string, string> } }) => o.metadata.annotations?.['linkerd.io/inject'];

/** The workloads that can reveal a mesh; the incremental path ignores changes to any other (MESH_CUTOFF). */
function meshRelevant(w: Workload): boolean {
  return (w.namespace === ISTIO_ROOT && w.name === 'istiod') || w.namespace === 'linkerd' || Boolean(w.podAnnotations['linkerd.io/inject']);
}

/** The changed namespaces' Namespace objects as mesh detection sees them: named linkerd, or with Linkerd's inject annotation. */
function meshNamespaces(inv: Inventory, touched: ReadonlySet<string>): string {
  const relevant = inv.objects.namespaces.filter((n) => touched.has(n.metadata.name) && (n.metadata.name === 'linkerd' || linkerdInject(n)));
  return JSON.stringify(relevant.map((n) => [n.metadata.name, linkerdInject(n) ?? null]));
}

const sameMeshWorkloads = sameProjection((ws) =>
  JSON.stringify(ws.filter(meshRelevant).map((w) => [w.kind, w.namespace, w.name, w.podAnnotations['linkerd.io/inject'] ?? null])),
);

// Mesh detection reads workloads only for istiod, the linkerd namespace and inject annotations,
// and Namespace objects only for the linkerd namespace and inject annotations (not Pod Security labels).
const MESH_CUTOFF: Cutoff = {
  judges: ['workloads', 'objects.namespaces'],
  unchanged: (prev, next, touched) =>
    sameMeshWorkloads(prev, next, touched) && meshNamespaces(prev, touched.namespaces) === meshNamespaces(next, touched.namespaces),
};

/** Memoised: without a mesh, a pod change cannot change the (not assessed) result. */
function meshes(inv: Inventory): { istio: boolean; linkerd: boolean } {
  return oncePerInventory(
    inv,
    'mesh-presence',
    () => [inv.workloads, inv.objects.namespaces, inv.objects.peerauthentications, inv.objects.customresourcedefinitions],
    () => {
      const relevant = inv.workloads.filter(meshRelevant);
      return {
        istio:
          inv.objects.peerauthentications.length > 0 ||
          inv.objects.customresourcedefinitions.some((c) => c.metadata.name === 'peerauthentications.security.istio.io') ||
          relevant.some((w) => w.namespace === ISTIO_ROOT && w.name === 'istiod'),
        linkerd:
          inv.objects.namespaces.some((n) => n.metadata.name === 'linkerd' || linkerdInject(n)) ||
          relevant.some((w) => w.namespace === 'linkerd' || w.podAnnotations['linkerd.io/inject']),
      };
    },
    MESH_CUTOFF,
  );
}

function istioFindings(inv: Inventory): RawFinding[] {
  const policies = inv.objects.peerauthentications;
  const modeOf = (p: K8sObject): string => String(p.spec?.mtls?.mode ?? 'UNSET').toUpperCase();
  const findings: RawFinding[] = [];
  for (const p of policies) {
    const weak = [
      modeOf(p),
      ...Object.entries(p.spec?.portLevelMtls ?? {}).map(([port, v]) => `${String((v as { mode?: unknown })?.mode ?? 'UNSET').toUpperCase()}@${port}`),
    ];
    const hits = weak.filter((m) => WEAK_MODES[m.split('@')[0]!]);
    if (hits.length === 0) continue;
    const scope =
      p.metadata.namespace === ISTIO_ROOT && !p.spec?.selector
        ? 'mesh-wide'
        : p.spec?.selector
          ? 'for the pods it selects'
          : `in namespace ${p.metadata.namespace}`;
    findings.push({
      resource: ref(p),
      severity: hits.some((m) => m.startsWith('DISABLE')) ? 'high' : 'medium',
      message: `PeerAuthentication ${p.metadata.namespace}/${p.metadata.name} sets mTLS ${hits.map((m) => m.replace('@', ' on port ')).join(', ')} ${scope}: plaintext connections are accepted.`,
    });
  }
  const meshWide = policies.find((p) => p.metadata.namespace === ISTIO_ROOT && !p.spec?.selector);
  if (!meshWide) {
    findings.push({
      resource: namespaceRef(ISTIO_ROOT),
      message: `Istio has no mesh-wide PeerAuthentication in ${ISTIO_ROOT}: without one, sidecars default to PERMISSIVE and accept plaintext.`,
    });
  } else if (modeOf(meshWide) !== 'STRICT' && !WEAK_MODES[modeOf(meshWide)]) {
    findings.push({
      resource: ref(meshWide),
      message: `The mesh-wide PeerAuthentication ${ISTIO_ROOT}/${meshWide.metadata.name} does not set mode STRICT (it is ${modeOf(meshWide)}): plaintext is accepted.`,
    });
  }
  return findings;
}

function linkerdFindings(inv: Inventory): RawFinding[] {
  const nsInject = new Map(inv.objects.namespaces.map((n) => [n.metadata.name, linkerdInject(n)]));
  const meshed = (w: Inventory['workloads'][number]) => {
    const own = w.podAnnotations['linkerd.io/inject'];
    if (own) return own !== 'disabled';
    return nsInject.get(w.namespace) === 'enabled' || allContainers(w.spec).some((c) => c.name === 'linkerd-proxy');
  };
  const byNs = new Map<string, string[]>();
  for (const w of inv.workloads) {
    if (SYSTEM_NAMESPACES.has(w.namespace) || w.namespace.startsWith('linkerd') || meshed(w)) continue;
    byNs.set(w.namespace, [...(byNs.get(w.namespace) ?? []), `${w.kind} ${w.name}`]);
  }
  return [...byNs].map(([ns, names]) => ({
    resource: namespaceRef(ns),
    message: `Namespace ${ns} is not injected with the Linkerd proxy (${names.length} workload${names.length === 1 ? '' : 's'}: ${names.slice(0, 3).join(', ')}${
      names.length > 3 ? ', …' : ''
    }): their traffic is plaintext, outside the mesh's mTLS.`,
  }));
}

export default defineCheck({
  id: 'encryption.service-mesh-mtls',
  area: 'encryption',
  severity: 'medium',
  title: 'Service mesh requires mutual TLS between pods',
  remediation: `Istio: require mTLS mesh-wide, then remove PERMISSIVE/DISABLE exceptions once every client has a sidecar:
  apiVersion: security.istio.io/v1
  kind: PeerAuthentication
  metadata: {name: default, namespace: istio-system}
  spec:
    mtls: {mode: STRICT}
Linkerd: mesh the namespace with the annotation linkerd.io/inject: enabled on the Namespace, then restart its workloads.`,
  needs: ['namespaces'],
  evaluate(inv) {
    const { istio, linkerd } = meshes(inv);
    if (!istio && !linkerd) return notAssessed('no service mesh found');
    const findings: RawFinding[] = [];
    if (istio) {
      const missing = inv.missing.peerauthentications;
      if (missing) return notAssessed(`Istio is installed but its PeerAuthentications could not be read: ${missing.detail}`);
      findings.push(...istioFindings(inv));
    }
    if (linkerd) findings.push(...linkerdFindings(inv));
    return findings;
  },
});
