import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../cluster/types';
import type { Check } from '../../check';
import { deployment, inventoryOf, namespace, restrictedSpec } from '../../test-inventory';
import { findingLines, run } from '../test-support';
import ingressTlsHostMismatch, { tlsCovers } from './ingress-tls-host-mismatch';
import serviceMeshMtls from './service-mesh-mtls';
import servicePlainHttp from './service-plain-http';
import webhookWithoutCaBundle from './webhook-without-ca-bundle';

const obj = (
  kind: string,
  apiVersion: string,
  name: string,
  ns: string | undefined,
  rest: Record<string, unknown> = {},
  annotations?: Record<string, string>,
): K8sObject => ({ apiVersion, kind, metadata: { name, namespace: ns, ...(annotations ? { annotations } : {}) }, ...rest }) as K8sObject;

function findings(check: Check, objects: K8sObject[]): string[] {
  return findingLines(check, run(check, objects));
}

describe('encryption.ingress-tls-host-mismatch', () => {
  const ingress = (tls: unknown, hosts: string[]) =>
    obj('Ingress', 'networking.k8s.io/v1', 'web', 'staging', { spec: { tls, rules: hosts.map((host) => ({ host, http: { paths: [] } })) } });

  it('lets a wildcard cover exactly one label', () => {
    expect(tlsCovers('*.example.com', 'api.example.com')).toBe(true);
    expect(tlsCovers('*.example.com', 'a.b.example.com')).toBe(false);
    expect(tlsCovers('*.example.com', 'example.com')).toBe(false);
    expect(tlsCovers('API.Example.com', 'api.example.COM')).toBe(true);
  });

  it('flags rule hosts the TLS hosts do not cover', () => {
    expect(
      findings(ingressTlsHostMismatch, [ingress([{ hosts: ['staging.acme.com'], secretName: 's' }], ['staging.acme.com', 'api.staging.acme.com'])]),
    ).toEqual([
      "high Ingress/staging/web: Ingress staging/web routes api.staging.acme.com but its TLS hosts (staging.acme.com) do not cover it: that traffic gets plain HTTP or the controller's default certificate.",
    ]);
    expect(findings(ingressTlsHostMismatch, [ingress([{ hosts: ['*.acme.com'] }], ['a.staging.acme.com'])])).toHaveLength(1);
  });

  it('passes when every host is covered, and leaves Ingresses without TLS to ingress-without-tls', () => {
    expect(
      findings(ingressTlsHostMismatch, [ingress([{ hosts: ['*.staging.acme.com', 'staging.acme.com'] }], ['staging.acme.com', 'api.staging.acme.com'])]),
    ).toEqual([]);
    expect(findings(ingressTlsHostMismatch, [ingress(undefined, ['api.staging.acme.com'])])).toEqual([]);
    expect(findings(ingressTlsHostMismatch, [ingress([{ secretName: 'default-wildcard' }], ['api.staging.acme.com'])])).toEqual([]);
  });
});

describe('encryption.service-plain-http', () => {
  const svc = (type: string, ports: Record<string, unknown>[], annotations?: Record<string, string>) =>
    obj('Service', 'v1', 'web', 'shop', { spec: { type, ports } }, annotations);
  const AWS = 'service.beta.kubernetes.io/aws-load-balancer-';
  const node = (addresses: { type: string; address: string }[]) => obj('Node', 'v1', 'n1', undefined, { status: { addresses } });

  it('rates plain HTTP by reach: NodePort medium (high with external node IPs), internet load balancer high', () => {
    expect(findings(servicePlainHttp, [svc('NodePort', [{ name: 'web', port: 80, targetPort: 8080, nodePort: 30080 }])])).toEqual([
      "medium Service/shop/web: NodePort Service shop/web exposes plain HTTP on every node's address on port 80 (port 80, node port 30080).",
    ]);
    expect(
      findings(servicePlainHttp, [svc('NodePort', [{ name: 'web', port: 80, nodePort: 30080 }]), node([{ type: 'ExternalIP', address: '203.0.113.7' }])]),
    ).toEqual([expect.stringMatching(/^high .*external IPs included on port 80/)]);
    expect(findings(servicePlainHttp, [svc('LoadBalancer', [{ name: 'api', port: 9000, appProtocol: 'http' }])])).toEqual([
      'high Service/shop/web: LoadBalancer Service shop/web exposes plain HTTP to the internet on port 9000 (appProtocol http).',
    ]);
  });

  it('rates a single port 443 serving HTTP as what it is, with no HTTPS port invented beside it', () => {
    const out = findings(servicePlainHttp, [svc('LoadBalancer', [{ port: 443, targetPort: 8080 }], { [`${AWS}backend-protocol`]: 'http' })]);
    expect(out).toEqual([
      `high Service/shop/web: LoadBalancer Service shop/web exposes plain HTTP to the internet on port 443 (${AWS}backend-protocol: http and no ${AWS}ssl-cert for it).`,
    ]);
    expect(findings(servicePlainHttp, [svc('LoadBalancer', [{ port: 443, targetPort: 8080 }])])).toEqual([expect.stringMatching(/^high .*on port 443 \(targetPort 8080\)\.$/)]);
  });

  it('keeps port 80 beside a real HTTPS port low, naming that port', () => {
    expect(
      findings(servicePlainHttp, [
        svc('LoadBalancer', [
          { name: 'http', port: 80 },
          { name: 'https', port: 443 },
        ]),
      ]),
    ).toEqual(['low Service/shop/web: LoadBalancer Service shop/web exposes plain HTTP to the internet on port 80 (named http), next to HTTPS on port 443 (check it only redirects there).']);
  });

  describe('AWS', () => {
    it('passes ports the ssl-cert covers: every port without ssl-ports, else the listed numbers or names', () => {
      const cert = { [`${AWS}ssl-cert`]: 'arn:aws:acm:eu-west-1:1:certificate/x', [`${AWS}backend-protocol`]: 'http' };
      expect(findings(servicePlainHttp, [svc('LoadBalancer', [{ name: 'http', port: 80, targetPort: 8080 }], cert)])).toEqual([]);
      expect(findings(servicePlainHttp, [svc('LoadBalancer', [{ name: 'web', port: 443, targetPort: 8080 }], { ...cert, [`${AWS}ssl-ports`]: 'web' })])).toEqual([]);
      const partial = svc('LoadBalancer', [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'https', port: 443, targetPort: 8080 }], { ...cert, [`${AWS}ssl-ports`]: '443' });
      expect(findings(servicePlainHttp, [partial])).toEqual([expect.stringMatching(/^low .*on port 80 \(.*\), next to HTTPS on port 443/)]);
    });

    it('an internal load balancer lowers plain HTTP to medium', () => {
      for (const a of [{ [`${AWS}internal`]: 'true' }, { [`${AWS}scheme`]: 'internal' }] as Record<string, string>[]) {
        expect(findings(servicePlainHttp, [svc('LoadBalancer', [{ name: 'http', port: 80 }], a)])).toEqual([
          expect.stringMatching(/^medium .*plain HTTP to the private network \(internal load balancer: service\.beta\.kubernetes\.io\/aws-load-balancer-/),
        ]);
      }
    });
  });

  describe('Azure', () => {
    it('has no TLS-terminating Service annotation: only internal lowers the rating', () => {
      expect(findings(servicePlainHttp, [svc('LoadBalancer', [{ name: 'http', port: 80 }], { 'service.beta.kubernetes.io/azure-dns-label-name': 'shop' })])).toEqual([
        expect.stringMatching(/^high .*to the internet on port 80/),
      ]);
      expect(findings(servicePlainHttp, [svc('LoadBalancer', [{ name: 'http', port: 80 }], { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' })])).toEqual([
        expect.stringMatching(/^medium .*internal load balancer: service\.beta\.kubernetes\.io\/azure-load-balancer-internal/),
      ]);
    });
  });

  describe('GCP', () => {
    it('reads app-protocols per port name (HTTPS passes, HTTP fails) and the internal load-balancer type', () => {
      const ports = [{ name: 'web', port: 8443 }, { name: 'admin', port: 9000 }];
      expect(findings(servicePlainHttp, [svc('LoadBalancer', ports, { 'cloud.google.com/app-protocols': '{"web":"HTTPS","admin":"HTTP"}' })])).toEqual([
        'low Service/shop/web: LoadBalancer Service shop/web exposes plain HTTP to the internet on port 9000 (cloud.google.com/app-protocols HTTP), next to HTTPS on port 8443 (check it only redirects there).',
      ]);
      expect(findings(servicePlainHttp, [svc('LoadBalancer', [{ name: 'http', port: 80 }], { 'networking.gke.io/load-balancer-type': 'Internal' })])).toEqual([
        expect.stringMatching(/^medium .*networking\.gke\.io\/load-balancer-type: Internal/),
      ]);
    });
  });

  it('passes on ClusterIP Services, TLS ports and declared HTTPS', () => {
    expect(findings(servicePlainHttp, [svc('ClusterIP', [{ name: 'http', port: 80 }])])).toEqual([]);
    expect(findings(servicePlainHttp, [svc('LoadBalancer', [{ name: 'https', port: 443, targetPort: 8443 }])])).toEqual([]);
    expect(findings(servicePlainHttp, [svc('NodePort', [{ name: 'web', port: 8080, appProtocol: 'https' }])])).toEqual([]);
  });
});

describe('encryption.webhook-without-ca-bundle', () => {
  const hook = (clientConfig: Record<string, unknown>, annotations?: Record<string, string>) =>
    obj(
      'ValidatingWebhookConfiguration',
      'admissionregistration.k8s.io/v1',
      'policy',
      undefined,
      { webhooks: [{ name: 'check.policy.io', clientConfig }] },
      annotations,
    );
  const service = { service: { name: 'policy', namespace: 'policy', path: '/validate' } };

  it('flags a Service-based webhook without caBundle (medium) and a URL one (low)', () => {
    expect(findings(webhookWithoutCaBundle, [hook(service)])).toEqual([
      expect.stringMatching(
        /^medium ValidatingWebhookConfiguration\/\/policy: ValidatingWebhookConfiguration policy \(check.policy.io\) calls an in-cluster Service with no caBundle/,
      ),
    ]);
    expect(findings(webhookWithoutCaBundle, [hook({ url: 'https://policy.example.com/validate' })])).toEqual([
      expect.stringMatching(/^low .*calls a URL with no caBundle/),
    ]);
  });

  it('passes with a caBundle or a cert-manager injection annotation', () => {
    expect(findings(webhookWithoutCaBundle, [hook({ ...service, caBundle: 'LS0tLS1CRUdJTg==' })])).toEqual([]);
    expect(findings(webhookWithoutCaBundle, [hook(service, { 'cert-manager.io/inject-ca-from': 'policy/policy-webhook' })])).toEqual([]);
  });
});

describe('encryption.service-mesh-mtls', () => {
  const pa = (ns: string, name: string, spec: Record<string, unknown>) => obj('PeerAuthentication', 'security.istio.io/v1', name, ns, { spec });
  const app = deployment('shop', 'web', restrictedSpec);

  it('is not assessed when there is no service mesh', () => {
    expect(serviceMeshMtls.evaluate(inventoryOf([namespace('shop'), app]))).toEqual({ notAssessed: 'no service mesh found' });
  });

  it('Istio: flags PERMISSIVE and DISABLE policies and a missing mesh-wide STRICT default', () => {
    expect(
      findings(serviceMeshMtls, [
        pa('shop', 'default', { mtls: { mode: 'PERMISSIVE' } }),
        pa('legacy', 'db', { selector: { matchLabels: { app: 'db' } }, mtls: { mode: 'STRICT' }, portLevelMtls: { 3306: { mode: 'DISABLE' } } }),
      ]),
    ).toEqual([
      'high PeerAuthentication/legacy/db: PeerAuthentication legacy/db sets mTLS DISABLE on port 3306 for the pods it selects: plaintext connections are accepted.',
      'medium PeerAuthentication/shop/default: PeerAuthentication shop/default sets mTLS PERMISSIVE in namespace shop: plaintext connections are accepted.',
      'medium Namespace//istio-system: Istio has no mesh-wide PeerAuthentication in istio-system: without one, sidecars default to PERMISSIVE and accept plaintext.',
    ]);
  });

  it('Istio: passes with a mesh-wide STRICT policy, and is not assessed if PeerAuthentications cannot be read', () => {
    expect(findings(serviceMeshMtls, [pa('istio-system', 'default', { mtls: { mode: 'STRICT' } })])).toEqual([]);
    const istiod = deployment('istio-system', 'istiod', restrictedSpec);
    const out = serviceMeshMtls.evaluate(
      inventoryOf([istiod], { missing: { peerauthentications: { reason: 'forbidden', detail: 'listing peerauthentications is forbidden' } } }),
    );
    expect(out).toEqual({ notAssessed: 'Istio is installed but its PeerAuthentications could not be read: listing peerauthentications is forbidden' });
  });

  it('Linkerd: flags namespaces whose workloads are not injected, passes injected ones', () => {
    const meshedNs = { ...namespace('payments'), metadata: { name: 'payments', annotations: { 'linkerd.io/inject': 'enabled' } } } as K8sObject;
    const objects = [
      namespace('linkerd'),
      deployment('linkerd', 'linkerd-destination', restrictedSpec),
      meshedNs,
      deployment('payments', 'api', restrictedSpec),
      namespace('shop'),
      app,
    ];
    expect(findings(serviceMeshMtls, objects)).toEqual([
      "medium Namespace//shop: Namespace shop is not injected with the Linkerd proxy (1 workload: Deployment web): their traffic is plaintext, outside the mesh's mTLS.",
    ]);
    expect(
      findings(
        serviceMeshMtls,
        objects.filter((o) => o.metadata.namespace !== 'shop' && o.metadata.name !== 'shop'),
      ),
    ).toEqual([]);
  });
});
