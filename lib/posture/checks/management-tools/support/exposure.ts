// How a workload is reachable from outside the cluster: Services of type NodePort or
// LoadBalancer (or with externalIPs) that select its pods, and Ingresses routing to a Service
// that does, each with what limits it (an internal load balancer, source ranges, an
// authentication annotation on the Ingress). Pure.
import type { Inventory } from '../../../../cluster/inventory';
import type { K8sObject, Workload } from '../../../../cluster/types';
import { internalLoadBalancer } from '../../encryption/support/load-balancer-annotations';
import { backends, selects } from '../../../indexes/services';

// Annotations by which an ingress controller authenticates requests before they reach the
// backend: ingress-nginx external auth (auth-url, e.g. oauth2-proxy) and basic/digest auth
// (auth-type), client certificates (auth-tls-verify-client: on), the older
// ingress.kubernetes.io/auth-type (Traefik 1, nginx), AWS ALB's Cognito/OIDC (auth-type), and
// HAProxy's auth-type.
const AUTH_ANNOTATIONS: readonly [key: string, accepts: (v: string) => boolean][] = [
  ['nginx.ingress.kubernetes.io/auth-url', (v) => v.trim() !== ''],
  ['nginx.ingress.kubernetes.io/auth-type', (v) => /^(basic|digest)$/i.test(v.trim())],
  ['nginx.ingress.kubernetes.io/auth-tls-verify-client', (v) => /^on$/i.test(v.trim())],
  ['ingress.kubernetes.io/auth-type', (v) => /^(basic|digest|forward)$/i.test(v.trim())],
  ['alb.ingress.kubernetes.io/auth-type', (v) => /^(cognito|oidc)$/i.test(v.trim())],
  ['haproxy.org/auth-type', (v) => /^basic-auth$/i.test(v.trim())],
];
// Controllers that authenticate through a named plugin or middleware: whether it authenticates
// cannot be told from the name, so the route is reported as possibly protected.
const MAYBE_AUTH_ANNOTATIONS = ['traefik.ingress.kubernetes.io/router.middlewares', 'konghq.com/plugins'];

export function ingressAuthentication(ing: K8sObject): { by: string; certain: boolean } | null {
  const a = ing.metadata.annotations ?? {};
  const sure = AUTH_ANNOTATIONS.find(([k, ok]) => typeof a[k] === 'string' && ok(a[k]));
  if (sure) return { by: sure[0], certain: true };
  const maybe = MAYBE_AUTH_ANNOTATIONS.find((k) => typeof a[k] === 'string' && a[k].trim() !== '');
  return maybe ? { by: maybe, certain: false } : null;
}

export interface Exposure {
  /** The Service or Ingress that exposes the workload. */
  via: K8sObject;
  how: string;
  /** What narrows who can reach it (internal load balancer, source ranges, a possibly authenticating plugin), or null. */
  limited: string | null;
}

function serviceExposure(svc: K8sObject): Omit<Exposure, 'via'> | null {
  const type = svc.spec?.type;
  const external = Array.isArray(svc.spec?.externalIPs) && svc.spec.externalIPs.length > 0;
  if (type !== 'NodePort' && type !== 'LoadBalancer' && !external) return null;
  const how = type === 'NodePort' || type === 'LoadBalancer' ? `type ${type}` : 'externalIPs';
  if (type !== 'LoadBalancer') return { how, limited: null };
  const internal = internalLoadBalancer(svc);
  const ranges: unknown[] = Array.isArray(svc.spec?.loadBalancerSourceRanges) ? svc.spec.loadBalancerSourceRanges : [];
  const restricted = ranges.length > 0 && !ranges.some((r) => r === '0.0.0.0/0' || r === '::/0');
  return { how, limited: internal ? `internal load balancer (${internal})` : restricted ? 'loadBalancerSourceRanges restrict its clients' : null };
}

/** Every Service and unauthenticated Ingress that makes the workload reachable from outside. */
export function exposuresOf(inv: Inventory, w: Workload): Exposure[] {
  const services = inv.objects.services.filter((s) => selects(s, w));
  const out: Exposure[] = [];
  for (const svc of services) {
    const e = serviceExposure(svc);
    if (e) out.push({ via: svc, ...e });
  }
  const names = new Set(services.map((s) => s.metadata.name));
  for (const ing of inv.objects.ingresses) {
    if (ing.metadata.namespace !== w.namespace || !backends(ing).some((n) => names.has(n))) continue;
    const auth = ingressAuthentication(ing);
    if (auth?.certain) continue;
    out.push({ via: ing, how: 'an Ingress route without an authentication annotation', limited: auth ? `${auth.by} may authenticate` : null });
  }
  return out;
}
