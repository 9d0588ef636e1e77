// The checks that read the other control-plane command lines (controller manager, scheduler, etcd)
// and the API server's admission plugins, etcd client TLS and profiling flags.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../cluster/types';
import { isNotAssessed, type Check, type RawFinding } from '../../check';
import { inventoryOf, pod } from '../../test-inventory';
import { run } from '../test-support';
import { SEVERITY_ORDER } from '../host-security/support/nodes';
import apiServerEtcdTls from '../encryption/apiserver-etcd-tls';
import etcdClientCertAuth from '../encryption/etcd-client-cert-auth';
import apiServerAdmissionPlugins from './apiserver-admission-plugins';
import { apiServerCommandLines, controlPlaneCommandLines } from './support/apiserver-flags';
import controlPlaneBindAddress from './control-plane-bind-address';
import controlPlaneProfiling from './control-plane-profiling';
import controllerManagerServiceAccountCredentials from './controller-manager-service-account-credentials';

type Component = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd';

/** kubeadm's command lines with the hardening CIS asks for: every check passes on them. */
const GOOD: Record<Component, string[]> = {
  'kube-apiserver': [
    '--enable-admission-plugins=NodeRestriction',
    '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
    '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
    '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
    '--etcd-servers=https://127.0.0.1:2379',
    '--profiling=false',
  ],
  'kube-controller-manager': ['--bind-address=127.0.0.1', '--use-service-account-credentials=true', '--profiling=false'],
  'kube-scheduler': ['--bind-address=127.0.0.1', '--profiling=false'],
  etcd: [
    '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
    '--key-file=/etc/kubernetes/pki/etcd/server.key',
    '--client-cert-auth=true',
    '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
  ],
};

function component(name: Component, flags: string[]): K8sObject {
  const p = pod('kube-system', `${name}-cp-1`, { containers: [{ name, image: `registry.k8s.io/${name}:v1.31.4`, command: [name, ...flags] } as never] });
  p.metadata.labels = { component: name, tier: 'control-plane' };
  return p;
}

/** GOOD for `name` with flags replaced (same name), removed (null) or added. */
function withFlags(name: Component, changes: Record<string, string | null>): string[] {
  const kept = GOOD[name].filter((f) => !(f.slice(2).split('=')[0]! in changes));
  return [...kept, ...Object.entries(changes).flatMap(([k, v]) => (v === null ? [] : [`--${k}=${v}`]))];
}

function controlPlane(changes: Partial<Record<Component, Record<string, string | null>>> = {}): K8sObject[] {
  return (Object.keys(GOOD) as Component[]).map((c) => component(c, withFlags(c, changes[c] ?? {})));
}

function findings(check: Check, objects: K8sObject[]): RawFinding[] {
  const out = run(check, objects);
  // Every finding stays at or below the severity the check declares.
  for (const f of out) expect(SEVERITY_ORDER.indexOf(f.severity ?? check.severity)).toBeGreaterThanOrEqual(SEVERITY_ORDER.indexOf(check.severity));
  return out;
}

const CHECKS = [controlPlaneProfiling, apiServerAdmissionPlugins, controlPlaneBindAddress, controllerManagerServiceAccountCredentials, apiServerEtcdTls, etcdClientCertAuth];

describe('control-plane command lines', () => {
  it('finds each component by its label or name prefix and binary', () => {
    const inv = inventoryOf(controlPlane());
    const lines = controlPlaneCommandLines(inv);
    expect(Object.fromEntries(Object.entries(lines).map(([c, l]) => [c, l.map((x) => x.pod.metadata.name)]))).toEqual({
      'kube-apiserver': ['kube-apiserver-cp-1'],
      'kube-controller-manager': ['kube-controller-manager-cp-1'],
      'kube-scheduler': ['kube-scheduler-cp-1'],
      etcd: ['etcd-cp-1'],
    });
    expect(apiServerCommandLines(inv).map((l) => l.pod.metadata.name)).toEqual(['kube-apiserver-cp-1']);
  });

  it('ignores look-alikes outside kube-system and pods that do not run the binary', () => {
    const elsewhere = component('etcd', []);
    elsewhere.metadata.namespace = 'tools';
    const backup = pod('kube-system', 'etcd-backup-1', { containers: [{ name: 'backup', image: 'x', command: ['etcdctl', 'snapshot', 'save'] } as never] });
    expect(controlPlaneCommandLines(inventoryOf([elsewhere, backup])).etcd).toEqual([]);
  });

  it.each(CHECKS.map((c) => [c.id, c] as const))('%s passes the hardened kubeadm control plane', (_id, check) => {
    expect(findings(check, controlPlane())).toEqual([]);
  });

  it.each(CHECKS.map((c) => [c.id, c] as const))('%s is not assessed when its component is not visible (managed control plane)', (_id, check) => {
    const other = pod('default', 'web', { containers: [{ name: 'web', image: 'nginx' }] });
    expect(isNotAssessed(check.evaluate(inventoryOf([other])))).toBe(true);
  });
});

describe('authn-authz.control-plane-profiling (CIS 1.2.15, 1.3.2, 1.4.1)', () => {
  it('flags each component that leaves profiling on, explicitly or by default', () => {
    const out = findings(controlPlaneProfiling, controlPlane({ 'kube-apiserver': { profiling: null }, 'kube-scheduler': { profiling: 'true' } }));
    expect(out.map((f) => [f.resource.name, f.message.match(/CIS [\d.]+/)?.[0]])).toEqual([
      ['kube-apiserver-cp-1', 'CIS 1.2.15'],
      ['kube-scheduler-cp-1', 'CIS 1.4.1'],
    ]);
    expect(out[0]!.message).toContain('the default is true');
    expect(out[1]!.message).toContain('sets --profiling=true');
  });

  it('says a scheduler configured by file was not assessed rather than flagging or passing it', () => {
    const [f] = findings(controlPlaneProfiling, controlPlane({ 'kube-scheduler': { profiling: null, config: '/etc/kubernetes/scheduler-config.yaml' } }));
    expect(f).toMatchObject({ severity: 'info', message: expect.stringContaining('not assessed') });
  });
});

describe('authn-authz.apiserver-admission-plugins (CIS 1.2.10, 1.2.14)', () => {
  it('flags AlwaysAdmit as high', () => {
    const [f] = findings(apiServerAdmissionPlugins, controlPlane({ 'kube-apiserver': { 'enable-admission-plugins': 'NodeRestriction,AlwaysAdmit' } }));
    expect(f).toMatchObject({ severity: 'high', message: expect.stringContaining('AlwaysAdmit') });
  });

  it('flags a missing or disabled NodeRestriction as medium', () => {
    const [missing] = findings(apiServerAdmissionPlugins, controlPlane({ 'kube-apiserver': { 'enable-admission-plugins': 'EventRateLimit' } }));
    expect(missing).toMatchObject({ severity: 'medium', message: expect.stringContaining('does not enable the NodeRestriction') });
    const [disabled] = findings(apiServerAdmissionPlugins, controlPlane({ 'kube-apiserver': { 'disable-admission-plugins': 'NodeRestriction' } }));
    expect(disabled).toMatchObject({ severity: 'medium', message: expect.stringContaining('disables the NodeRestriction') });
  });

  it('reads the pre-1.10 --admission-control list too', () => {
    expect(findings(apiServerAdmissionPlugins, controlPlane({ 'kube-apiserver': { 'enable-admission-plugins': null, 'admission-control': 'NodeRestriction' } }))).toEqual([]);
  });
});

describe('encryption.apiserver-etcd-tls (CIS 1.2.23, 1.2.26)', () => {
  it('flags a missing CA or client certificate, and plain-HTTP etcd servers', () => {
    const [noCa] = findings(apiServerEtcdTls, controlPlane({ 'kube-apiserver': { 'etcd-cafile': null } }));
    expect(noCa!.message).toContain('sets no --etcd-cafile');
    const [noCert] = findings(apiServerEtcdTls, controlPlane({ 'kube-apiserver': { 'etcd-certfile': null, 'etcd-keyfile': null } }));
    expect(noCert!.message).toContain('--etcd-certfile, --etcd-keyfile');
    const [plain] = findings(apiServerEtcdTls, controlPlane({ 'kube-apiserver': { 'etcd-servers': 'http://10.0.0.5:2379' } }));
    expect(plain!.message).toContain('plain HTTP (http://10.0.0.5:2379)');
  });
});

describe('encryption.etcd-client-cert-auth (CIS 2.1-2.3)', () => {
  it('flags etcd without --client-cert-auth=true (default false)', () => {
    const [f] = findings(etcdClientCertAuth, controlPlane({ etcd: { 'client-cert-auth': null } }));
    expect(f!.message).toContain('does not set --client-cert-auth=true');
  });

  it('says etcd configured by --config-file (which makes it ignore its flags) was not assessed', () => {
    const [f] = findings(etcdClientCertAuth, controlPlane({ etcd: { 'client-cert-auth': null, 'config-file': '/etc/etcd/etcd.yaml' } }));
    expect(f).toMatchObject({ severity: 'info', message: expect.stringContaining('not assessed') });
  });

  it('flags --auto-tls=true and a missing server certificate', () => {
    const [f] = findings(etcdClientCertAuth, controlPlane({ etcd: { 'auto-tls': 'true', 'cert-file': null } }));
    expect(f!.message).toContain('--auto-tls=true');
    expect(f!.message).toContain('sets no --cert-file/--key-file');
  });
});

describe('authn-authz.control-plane-bind-address (CIS 1.3.7, 1.4.2)', () => {
  it('flags 0.0.0.0 and an unset bind address (the default is 0.0.0.0), not loopback', () => {
    const out = findings(controlPlaneBindAddress, controlPlane({ 'kube-controller-manager': { 'bind-address': '0.0.0.0' }, 'kube-scheduler': { 'bind-address': null } }));
    expect(out.map((f) => [f.resource.name, f.message.match(/CIS [\d.]+/)?.[0]])).toEqual([
      ['kube-controller-manager-cp-1', 'CIS 1.3.7'],
      ['kube-scheduler-cp-1', 'CIS 1.4.2'],
    ]);
    expect(out[1]!.message).toContain('the default is 0.0.0.0');
  });
});

describe('authn-authz.controller-manager-service-account-credentials (CIS 1.3.3)', () => {
  it('flags a controller manager without --use-service-account-credentials=true', () => {
    const [unset] = findings(controllerManagerServiceAccountCredentials, controlPlane({ 'kube-controller-manager': { 'use-service-account-credentials': null } }));
    expect(unset!.message).toContain('the default is false');
    const [off] = findings(controllerManagerServiceAccountCredentials, controlPlane({ 'kube-controller-manager': { 'use-service-account-credentials': 'false' } }));
    expect(off!.message).toContain('sets --use-service-account-credentials=false');
  });
});
