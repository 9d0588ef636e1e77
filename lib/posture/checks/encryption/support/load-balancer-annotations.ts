// What cloud load-balancer annotations on a Service say about TLS and reach. Pure.
//
// AWS (in-tree cloud provider and AWS Load Balancer Controller): `aws-load-balancer-ssl-cert`
//   terminates TLS at the load balancer on the ports `aws-load-balancer-ssl-ports` lists (by
//   number or name; absent or "*" = every port); without a certificate,
//   `aws-load-balancer-backend-protocol: http` makes the listener plain HTTP.
//   Internal: `aws-load-balancer-internal: "true"` or `aws-load-balancer-scheme: internal`.
// Azure: the Azure Load Balancer behind a Service is layer 4 and never terminates TLS (TLS at
//   Azure's edge is Application Gateway, configured through an Ingress, not Service annotations).
//   Internal: `azure-load-balancer-internal: "true"`.
// GCP: a Service load balancer is a layer-4 passthrough and terminates no TLS either.
//   `cloud.google.com/app-protocols` ({"port-name": "HTTPS"|"HTTP2"|"HTTP"}) says which protocol
//   the port itself speaks (for the L7 load balancer of an Ingress): HTTPS/HTTP2 mean TLS.
//   Internal: `networking.gke.io/load-balancer-type: Internal` (or the older cloud.google.com key).
// OCI and OpenStack internal-load-balancer annotations are read the same way.
import type { K8sObject } from '../../../../cluster/types';

const AWS = 'service.beta.kubernetes.io/aws-load-balancer-';

export interface PortRef {
  name?: unknown;
  port?: unknown;
}

const annotationsOf = (svc: K8sObject): Record<string, string> => {
  const a = svc.metadata.annotations;
  return typeof a === 'object' && a !== null ? a : {};
};

const truthy = (v: string | undefined) => v !== undefined && /^(true|yes|1)$/i.test(v.trim());

/** Why the load balancer is reachable only from private networks, or null. */
export function internalLoadBalancer(svc: K8sObject): string | null {
  const a = annotationsOf(svc);
  const found = [
    truthy(a[`${AWS}internal`]) && `${AWS}internal`,
    a[`${AWS}scheme`]?.trim().toLowerCase() === 'internal' && `${AWS}scheme: internal`,
    truthy(a['service.beta.kubernetes.io/azure-load-balancer-internal']) && 'service.beta.kubernetes.io/azure-load-balancer-internal',
    a['networking.gke.io/load-balancer-type']?.trim().toLowerCase() === 'internal' && 'networking.gke.io/load-balancer-type: Internal',
    a['cloud.google.com/load-balancer-type']?.trim().toLowerCase() === 'internal' && 'cloud.google.com/load-balancer-type: Internal',
    truthy(a['service.beta.kubernetes.io/oci-load-balancer-internal']) && 'service.beta.kubernetes.io/oci-load-balancer-internal',
    truthy(a['service.beta.kubernetes.io/openstack-internal-load-balancer']) && 'service.beta.kubernetes.io/openstack-internal-load-balancer',
  ].find(Boolean);
  return found || null;
}

/** Whether the AWS load balancer terminates TLS on this port with a certificate. */
export function awsTerminatesTls(svc: K8sObject, p: PortRef): string | null {
  const a = annotationsOf(svc);
  if (!a[`${AWS}ssl-cert`]?.trim()) return null;
  const listed = (a[`${AWS}ssl-ports`] ?? '*')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const covered = listed.length === 0 || listed.includes('*') || listed.includes(String(p.port)) || (typeof p.name === 'string' && listed.includes(p.name));
  return covered ? `${AWS}ssl-cert` : null;
}

/** The AWS listener is plain HTTP on this port: backend protocol http and no certificate for it. */
export function awsPlainHttpListener(svc: K8sObject, p: PortRef): string | null {
  const backend = annotationsOf(svc)[`${AWS}backend-protocol`]?.trim().toLowerCase();
  return backend === 'http' && !awsTerminatesTls(svc, p) ? `${AWS}backend-protocol: http and no ${AWS}ssl-cert for it` : null;
}

/** The protocol cloud.google.com/app-protocols gives the port (by name), upper-case, or null. */
export function gcpAppProtocol(svc: K8sObject, p: PortRef): string | null {
  const raw = annotationsOf(svc)['cloud.google.com/app-protocols'];
  if (!raw || typeof p.name !== 'string') return null;
  try {
    const parsed = JSON.parse(raw) as unknown;
    const v = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[p.name] : undefined;
    return typeof v === 'string' ? v.toUpperCase() : null;
  } catch {
    return null; // malformed: GKE rejects it too
  }
}
