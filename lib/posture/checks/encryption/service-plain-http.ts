import type { K8sObject } from '../../../cluster/types';
import { defineCheck, ref } from '../../check';

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
const servesTls = (svc: K8sObject) => ports(svc).some((p) => p.port === 443 || (typeof p.name === 'string' && TLS_WORDS.test(p.name.toLowerCase())));

export default defineCheck({
  id: 'encryption.service-plain-http',
  area: 'encryption',
  severity: 'medium',
  severityRange: ['low', 'medium'], // low where plain HTTP only redirects
  title: 'Service exposes plain HTTP outside the cluster',
  remediation: `Serve HTTPS on the exposed port (terminate TLS in the app, or put the Service behind a TLS Ingress and make it
spec.type: ClusterIP). If the port only redirects to HTTPS, say so with appProtocol and keep the redirect:
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
        const plain = ports(svc).flatMap((p) => {
          const why = plainHttpEvidence(p);
          return why ? [`${p.port} (${why}${p.nodePort ? `, node port ${p.nodePort}` : ''})`] : [];
        });
        if (plain.length === 0) return [];
        const redirect = servesTls(svc);
        return [
          {
            resource: ref(svc),
            // Beside a 443 port, port 80 is most often a redirect to HTTPS: still plaintext, less likely to carry data.
            severity: redirect ? ('low' as const) : ('medium' as const),
            message: `${svc.spec.type} Service ${svc.metadata.namespace}/${svc.metadata.name} exposes plain HTTP outside the cluster on port ${plain.join(', ')}${
              redirect ? ', next to an HTTPS port (check it only redirects)' : ''
            }.`,
          },
        ];
      });
  },
});
