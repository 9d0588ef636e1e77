// The authn-authz and encryption checks on the demo cluster find what lib/demo/README.md says was
// planted, and nothing in the well-run namespaces.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../cluster/inventory';
import { scanDemo } from '../../cluster/offline';
import { isNotAssessed, type Check, type RawFinding } from '../check';
import { authnAuthzChecks } from './authn-authz';
import { encryptionChecks } from './encryption';

let inv: Inventory;
const found: { check: string; f: RawFinding }[] = [];
const notAssessed = new Map<string, string>();

beforeAll(async () => {
  inv = await scanDemo();
  for (const check of [...authnAuthzChecks, ...encryptionChecks] as Check[]) {
    const out = check.evaluate(inv);
    if (isNotAssessed(out)) notAssessed.set(check.id, out.notAssessed);
    else found.push(...out.map((f) => ({ check: check.id, f })));
  }
});

const on = (ns: string, name: string) => found.filter((x) => x.f.resource.namespace === ns && x.f.resource.name === name);
const ids = (ns: string, name: string) =>
  on(ns, name)
    .map((x) => x.check)
    .sort();

describe('authn-authz and encryption checks on the demo cluster', () => {
  it("read kube-apiserver-cp-1's planted flags, and not its good Node,RBAC", () => {
    expect(ids('kube-system', 'kube-apiserver-cp-1')).toEqual([
      'authn-authz.apiserver-anonymous-auth',
      'authn-authz.apiserver-audit-logging',
      'authn-authz.apiserver-kubelet-certificates',
      'authn-authz.apiserver-token-auth-file',
      'authn-authz.control-plane-profiling',
      'encryption.apiserver-encryption-at-rest',
      'encryption.apiserver-tls-min-version',
    ]);
    const audit = on('kube-system', 'kube-apiserver-cp-1').find((x) => x.check === 'authn-authz.apiserver-audit-logging')!;
    expect(audit.f.message).toContain('--audit-log-maxage=7');
  });

  it('read the controller manager and scheduler: profiling left on, kubeadm defaults otherwise; etcd-cp-1 passes', () => {
    expect(ids('kube-system', 'kube-controller-manager-cp-1')).toEqual(['authn-authz.control-plane-profiling']);
    expect(ids('kube-system', 'kube-scheduler-cp-1')).toEqual(['authn-authz.control-plane-profiling']);
    expect(ids('kube-system', 'etcd-cp-1')).toEqual([]);
    for (const id of ['encryption.etcd-client-cert-auth', 'encryption.apiserver-etcd-tls', 'authn-authz.apiserver-admission-plugins']) expect(notAssessed.has(id), id).toBe(false);
  });

  it("find crm-worker's literal AWS keys without repeating them", () => {
    const [secret, ...more] = on('legacy-crm', 'crm-worker').filter((x) => x.check === 'authn-authz.secret-in-environment');
    expect(more).toEqual([]);
    expect(secret!.f.severity).toBe('high');
    expect(secret!.f.message).toContain('AWS_ACCESS_KEY_ID holds what looks like an AWS access key ID');
    expect(secret!.f.message).toContain('AWS_SECRET_ACCESS_KEY is named like a credential');
    expect(JSON.stringify(found)).not.toMatch(/AKIAIOSFODNN7EXAMPLE|wJalrXUtnFEMI/);
    const elsewhere = found.filter((x) => x.check === 'authn-authz.secret-in-environment' && x.f.resource.name !== 'crm-worker');
    expect(elsewhere.map((x) => x.f.resource.name)).toEqual([]);
  });

  it('find the legacy token Secret, the plain-HTTP NodePort and the Ingress without TLS in legacy-crm', () => {
    expect(ids('legacy-crm', 'crm-integration-token')).toEqual(['authn-authz.legacy-token-secret']);
    const nodePort = on('legacy-crm', 'crm-web').find((x) => x.check === 'encryption.service-plain-http');
    expect(nodePort?.f.message).toMatch(/NodePort Service legacy-crm\/crm-web exposes plain HTTP .* on port 80 /);
    expect(ids('legacy-crm', 'crm')).toContain('encryption.ingress-without-tls');
  });

  it("find staging's TLS hosts not covering api.staging.acme.com, and ingress-nginx's plaintext port 80", () => {
    expect(on('staging', 'staging-web').find((x) => x.check === 'encryption.ingress-tls-host-mismatch')?.f.message).toContain('routes api.staging.acme.com');
    expect(on('ingress-nginx', 'ingress-nginx-controller').find((x) => x.check === 'encryption.service-plain-http')?.f.message).toMatch(
      /LoadBalancer Service .* on port 80 /,
    );
  });

  it('flag workloads on the default ServiceAccount where planted (legacy-crm, data-science), not in kube-system', () => {
    const defaultSa = found.filter((x) => x.check === 'authn-authz.workload-default-service-account').map((x) => x.f.resource.namespace);
    expect(new Set(defaultSa)).toEqual(new Set(['legacy-crm', 'data-science', 'staging', 'default']));
  });

  it('give the well-run namespaces (payments, checkout, cert-manager) no findings', () => {
    expect(
      found.filter((x) => ['payments', 'checkout', 'cert-manager'].includes(x.f.resource.namespace ?? '')).map((x) => `${x.check} ${x.f.resource.name}`),
    ).toEqual([]);
  });

  it('report the mesh check as not assessed: the demo runs no service mesh', () => {
    expect(notAssessed.get('encryption.service-mesh-mtls')).toBe('no service mesh found');
    expect([...notAssessed.keys()]).toEqual(['encryption.service-mesh-mtls']);
  });
});
