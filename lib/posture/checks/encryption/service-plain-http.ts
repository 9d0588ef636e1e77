import type { Inventory } from '../../../cluster/inventory';
import type { K8sObject } from '../../../cluster/types';
import { defineCheck, ref } from '../../check';
import type { Severity } from '../../types';
import { awsPlainHttpListener, awsTerminatesTls, gcpAppProtocol, internalLoadBalancer } from './support/load-balancer-annotations';

interface ServicePort {
  name?: unknown;
  port?: unknown;
  targetPort?: unknown;
  nodePort?: unknown;
  appProtocol?: unknown;
}

const EXPOSED = new Set(['NodePort', 'LoadBalancer']);
const HTTP_PORTS = new Set([80, 8080]);
const TLS_WORDS = /^(https|tls|h2)\b|^kubernetes\.io\/wss$/;

/** Whether a port carries plain HTTP, and what says so. */
export function plainHttpEvidence(p: ServicePort): string | null {
  const name = typeof p.name === 'string' ? p.name.toLowerCase() : '';
  const app = typeof p.appProtocol === 'string' ? p.appProtocol.toLowerCase() : '';
  if (TLS_WORDS.test(app) || TLS_WORDS.test(name)) return null; // declared TLS wins over a port number
  if (app === 'http' || app === 'kubernetes.io/h2c') return `appProtocol ${app}`;
  if (name === 'http' || name.startsWith('http-')) return `named ${name}`;
  if (typeof p.port === 'number' && HTTP_PORTS.has(p.port)) return `port ${p.port}`;
  if (typeof p.targetPort === 'number' && HTTP_PORTS.has(p.targetPort)) return `targetPort ${p.targetPort}`;
  if (p.targetPort === 'http') return 'targetPort http';
  return null;
}

const ports = (svc: K8sObject): ServicePort[] => (Array.isArray(svc.spec?.ports) ? svc.spec.ports.filter((p: unknown) => typeof p === 'object' && p) : []);

/** What says the port speaks TLS to its clients, or null. */
function tlsEvidence(svc: K8sObject, p: ServicePort): string | null {
  const lb = svc.spec?.type === 'LoadBalancer';
  const aws = lb ? awsTerminatesTls(svc, p) : null;
  if (aws) return aws;
  const gcp = gcpAppProtocol(svc, p);
  if (gcp === 'HTTPS' || gcp === 'HTTP2') return `cloud.google.com/app-protocols ${gcp}`;
  const name = typeof p.name === 'string' ? p.name.toLowerCase() : '';
  const app = typeof p.appProtocol === 'string' ? p.appProtocol.toLowerCase() : '';
  if (TLS_WORDS.test(app)) return `appProtocol ${app}`;
  if (TLS_WORDS.test(name)) return `named ${name}`;
  return null;
}

/** What says the port carries plain HTTP to its clients, or null. */
function plainEvidence(svc: K8sObject, p: ServicePort): string | null {
  if (tlsEvidence(svc, p)) return null;
  const aws = svc.spec?.type === 'LoadBalancer' ? awsPlainHttpListener(svc, p) : null;
  if (aws) return aws;
  if (gcpAppProtocol(svc, p) === 'HTTP') return 'cloud.google.com/app-protocols HTTP';
  return plainHttpEvidence(p);
}

/** Where the plain port can be reached from, and how bad that is. */
function reach(inv: Inventory, svc: K8sObject): { text: string; severity: Severity } {
  if (svc.spec?.type === 'LoadBalancer') {
    const internal = internalLoadBalancer(svc);
    return internal ? { text: `to the private network (internal load balancer: ${internal})`, severity: 'medium' } : { text: 'to the internet', severity: 'high' };
  }
  const external = inv.objects.nodes.some((n) => Array.isArray(n.status?.addresses) && n.status.addresses.some((a: { type?: unknown }) => a?.type === 'ExternalIP'));
  if (external) return { text: "on every node's address, external IPs included", severity: 'high' };
  return { text: `on every node's address${inv.missing.nodes ? ' (node addresses unknown)' : ''}`, severity: 'medium' };
}

export default defineCheck({
  id: 'encryption.service-plain-http',
  area: 'encryption',
  severity: 'high',
  severityRange: ['low', 'high'], // low where plain HTTP only redirects beside a real HTTPS port
  title: 'Service exposes plain HTTP outside the cluster',
  remediation: `Serve HTTPS on the exposed port: terminate TLS at the cloud load balancer (AWS:
service.beta.kubernetes.io/aws-load-balancer-ssl-cert with -ssl-ports), in the app, or behind a TLS Ingress with the
Service made spec.type: ClusterIP. Azure and GCP Service load balancers pass traffic through without TLS. If the
port only redirects to HTTPS, say so with appProtocol and keep the redirect:
  spec:
    ports:
      - {name: https, port: 443, targetPort: 8443, appProtocol: https}`,
  needs: ['services'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => inv.objects.services.filter((s) => EXPOSED.has(s.spec?.type)).map(ref),
  evaluate(inv) {
    return inv.objects.services
      .filter((svc) => EXPOSED.has(svc.spec?.type))
      .flatMap((svc) => {
        const plainPorts = ports(svc).flatMap((p) => {
          const why = plainEvidence(svc, p);
          return why ? [{ p, text: `${String(p.port)} (${why}${p.nodePort ? `, node port ${String(p.nodePort)}` : ''})` }] : [];
        });
        if (plainPorts.length === 0) return [];
        // Other ports of the same Service that serve TLS: the plain one most often only redirects there.
        const tlsPorts = ports(svc).filter((p) => !plainPorts.some((x) => x.p === p) && (tlsEvidence(svc, p) || p.port === 443));
        const where = reach(inv, svc);
        const beside = tlsPorts.length
          ? `, next to HTTPS on port ${tlsPorts.map((p) => String(p.port)).join(', ')} (check ${plainPorts.length === 1 ? 'it' : 'they'} only redirect${plainPorts.length === 1 ? 's' : ''} there)`
          : '';
        return [
          {
            resource: ref(svc),
            // Still plaintext, but a redirect beside an HTTPS port is less likely to carry data.
            severity: tlsPorts.length ? ('low' as const) : where.severity,
            message: `${svc.spec.type} Service ${svc.metadata.namespace}/${svc.metadata.name} exposes plain HTTP ${where.text} on port ${plainPorts.map((x) => x.text).join(', ')}${beside}.`,
          },
        ];
      });
  },
});
