// The kube-apiserver flag parser and the checks that read its command line (authn-authz and encryption).
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../cluster/types';
import { isNotAssessed, type Check, type CheckOutcome } from '../../check';
import { inventoryOf, pod } from '../../test-inventory';
import apiServerEncryptionAtRest from '../encryption/apiserver-encryption-at-rest';
import apiServerTlsCipherSuites from '../encryption/apiserver-tls-cipher-suites';
import apiServerTlsMinVersion from '../encryption/apiserver-tls-min-version';
import apiServerAnonymousAuth from './apiserver-anonymous-auth';
import apiServerAuditLogging from './apiserver-audit-logging';
import apiServerAuthorizationMode from './apiserver-authorization-mode';
import { apiServerCommandLines, flag, flagList, parseFlags } from './support/apiserver-flags';
import apiServerInsecurePort from './apiserver-insecure-port';
import apiServerKubeletCertificates from './apiserver-kubelet-certificates';
import apiServerTokenAuthFile from './apiserver-token-auth-file';

// A hardened kubeadm command line: every check passes on it.
const GOOD = [
  '--anonymous-auth=false',
  '--authorization-mode=Node,RBAC',
  '--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt',
  '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
  '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
  '--audit-policy-file=/etc/kubernetes/audit-policy.yaml',
  '--audit-log-path=/var/log/kubernetes/audit/audit.log',
  '--audit-log-maxage=30',
  '--audit-log-maxbackup=10',
  '--audit-log-maxsize=100',
  '--encryption-provider-config=/etc/kubernetes/enc/config.yaml',
  '--tls-min-version=VersionTLS12',
  '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
];

function apiServer(flags: string[], opts: { args?: string[]; name?: string } = {}): K8sObject {
  const p = pod('kube-system', opts.name ?? 'kube-apiserver-cp-1', {
    containers: [{ name: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.31.4', command: ['kube-apiserver', ...flags], args: opts.args } as never],
  });
  p.metadata.labels = { component: 'kube-apiserver', tier: 'control-plane' };
  return p;
}

/** GOOD with some flags replaced (same name) or removed (value null) or added. */
function withFlags(changes: Record<string, string | null>): string[] {
  const kept = GOOD.filter((f) => !(f.slice(2).split('=')[0]! in changes));
  return [...kept, ...Object.entries(changes).flatMap(([k, v]) => (v === null ? [] : [`--${k}=${v}`]))];
}

function run(check: Check, flags: string[], version?: string): CheckOutcome {
  return check.evaluate(inventoryOf([apiServer(flags)], { version }));
}

function messages(check: Check, flags: string[], version?: string): string[] {
  const out = run(check, flags, version);
  if (isNotAssessed(out)) throw new Error(`not assessed: ${out.notAssessed}`);
  return out.map((f) => `${f.severity ?? check.severity}: ${f.message}`);
}

describe('parseFlags', () => {
  it('reads --a=b, --a b, bare flags and repeated flags', () => {
    const flags = parseFlags(['kube-apiserver', '--a=b', '--c', 'd', '--e', '--f=1,2', '--f=3', '-v=2', '--g=x=y']);
    expect(Object.fromEntries(flags)).toEqual({ a: ['b'], c: ['d'], e: ['true'], f: ['1,2', '3'], v: ['2'], g: ['x=y'] });
  });

  it('finds kube-apiserver pods by label or name, combining command and args (also through sh -c)', () => {
    const viaArgs = apiServer([], { args: ['--token-auth-file=/t.csv'] });
    const viaShell = pod('kube-system', 'kube-apiserver-cp-2', {
      containers: [
        { name: 'apiserver', command: ['/bin/sh', '-c', 'exec /usr/local/bin/kube-apiserver --anonymous-auth=false --audit-log-maxage 5'] } as never,
      ],
    });
    const elsewhere = apiServer(['--token-auth-file=/x'], { name: 'kube-apiserver-fake' });
    elsewhere.metadata.namespace = 'default';
    const lines = apiServerCommandLines(inventoryOf([viaArgs, viaShell, elsewhere]));
    expect(lines.map((l) => l.pod.metadata.name)).toEqual(['kube-apiserver-cp-1', 'kube-apiserver-cp-2']);
    expect(flag(lines[0]!, 'token-auth-file')).toBe('/t.csv');
    expect([flag(lines[1]!, 'anonymous-auth'), flag(lines[1]!, 'audit-log-maxage')]).toEqual(['false', '5']);
    expect(flagList({ pod: viaArgs, flags: parseFlags(['--m=Node', '--m=RBAC,Webhook']) }, 'm')).toEqual(['Node', 'RBAC', 'Webhook']);
  });
});

const flagChecks = [
  apiServerAnonymousAuth,
  apiServerAuthorizationMode,
  apiServerTokenAuthFile,
  apiServerInsecurePort,
  apiServerKubeletCertificates,
  apiServerAuditLogging,
  apiServerEncryptionAtRest,
  apiServerTlsMinVersion,
  apiServerTlsCipherSuites,
];

describe('kube-apiserver flag checks', () => {
  it('pass on a hardened command line', () => {
    for (const check of flagChecks) expect(messages(check, GOOD), check.id).toEqual([]);
  });

  it('are not assessed when no kube-apiserver pod is visible (managed control plane)', () => {
    for (const check of flagChecks) {
      const out = check.evaluate(inventoryOf([pod('kube-system', 'coredns-1', {})]));
      expect(isNotAssessed(out) && out.notAssessed, check.id).toMatch(/^kube-apiserver flags are not visible: /);
    }
  });

  it('anonymous auth: flags a missing or true --anonymous-auth, and mentions 1.32 authentication config', () => {
    expect(messages(apiServerAnonymousAuth, withFlags({ 'anonymous-auth': null }))).toEqual([
      expect.stringMatching(/^medium: kube-apiserver pod kube-apiserver-cp-1 does not set --anonymous-auth=false .*1\.32\+/),
    ]);
    expect(messages(apiServerAnonymousAuth, withFlags({ 'anonymous-auth': 'true', 'authentication-config': '/etc/kubernetes/authn.yaml' }))).toEqual([
      expect.stringMatching(/^low: .* sets --anonymous-auth=true, but reads an authentication config \(\/etc\/kubernetes\/authn.yaml\)/),
    ]);
  });

  it('authorization mode: AlwaysAllow or unset is critical, missing RBAC high, missing Node medium', () => {
    expect(messages(apiServerAuthorizationMode, withFlags({ 'authorization-mode': 'AlwaysAllow' }))).toEqual([
      expect.stringMatching(/^critical: .*AlwaysAllow lets/),
    ]);
    expect(messages(apiServerAuthorizationMode, withFlags({ 'authorization-mode': null }))).toEqual([
      expect.stringMatching(/^critical: .*default is AlwaysAllow/),
    ]);
    expect(messages(apiServerAuthorizationMode, withFlags({ 'authorization-mode': 'Node,Webhook' }))).toEqual([expect.stringMatching(/^high: .*missing RBAC/)]);
    expect(messages(apiServerAuthorizationMode, withFlags({ 'authorization-mode': 'RBAC' }))).toEqual([expect.stringMatching(/^medium: .*missing Node:/)]);
    expect(messages(apiServerAuthorizationMode, withFlags({ 'authorization-mode': null, 'authorization-config': '/etc/authz.yaml' }))).toEqual([]);
  });

  it('token auth file: flags the static token file by path', () => {
    expect(messages(apiServerTokenAuthFile, withFlags({ 'token-auth-file': '/etc/kubernetes/tokens.csv' }))).toEqual([
      expect.stringMatching(/^high: .*--token-auth-file=\/etc\/kubernetes\/tokens.csv: the tokens in that file never expire/),
    ]);
  });

  it('insecure port: flags a non-zero port, a bind address, and an unset port before 1.20', () => {
    expect(messages(apiServerInsecurePort, withFlags({ 'insecure-port': '8080', 'insecure-bind-address': '0.0.0.0' }))).toEqual([
      expect.stringMatching(/^critical: .*--insecure-port=8080: 0\.0\.0\.0:8080 serves the API over plain HTTP .*reachable from the network/),
    ]);
    expect(messages(apiServerInsecurePort, GOOD, 'v1.19.16')).toEqual([
      expect.stringMatching(/does not set --insecure-port=0 on Kubernetes 1\.19: 127\.0\.0\.1:8080/),
    ]);
    expect(messages(apiServerInsecurePort, withFlags({ 'insecure-port': '0' }), 'v1.19.16')).toEqual([]);
    expect(messages(apiServerInsecurePort, withFlags({ 'insecure-bind-address': '0.0.0.0' }))).toEqual([expect.stringMatching(/without --insecure-port=0/)]);
    expect(messages(apiServerInsecurePort, withFlags({ 'insecure-bind-address': '0.0.0.0' }), 'v1.28.3')).toEqual([]);
  });

  it('kubelet certificates: flags a missing CA (medium) and a missing client certificate (high)', () => {
    expect(messages(apiServerKubeletCertificates, withFlags({ 'kubelet-certificate-authority': null }))).toEqual([
      expect.stringMatching(/^medium: .*sets no --kubelet-certificate-authority: it does not check the kubelets' serving certificates/),
    ]);
    expect(messages(apiServerKubeletCertificates, withFlags({ 'kubelet-client-key': null }))).toEqual([
      expect.stringMatching(/^high: .*--kubelet-client-key: it cannot authenticate/),
    ]);
  });

  it('audit logging: flags no policy, no backend, and retention under 30 days', () => {
    expect(messages(apiServerAuditLogging, withFlags({ 'audit-policy-file': null }))).toEqual([expect.stringMatching(/^high: .*no --audit-policy-file/)]);
    expect(messages(apiServerAuditLogging, withFlags({ 'audit-log-path': null }))).toEqual([expect.stringMatching(/^high: .*the events go nowhere/)]);
    expect(messages(apiServerAuditLogging, withFlags({ 'audit-log-path': null, 'audit-webhook-config-file': '/etc/audit-webhook.yaml' }))).toEqual([]);
    expect(messages(apiServerAuditLogging, withFlags({ 'audit-log-maxage': '7', 'audit-log-maxbackup': '3' }))).toEqual([
      expect.stringMatching(/^medium: .*too briefly: --audit-log-maxage=7 \(at least 30\), --audit-log-maxbackup=3 \(at least 10\)/),
    ]);
    expect(messages(apiServerAuditLogging, withFlags({ 'audit-log-maxsize': '10' }))).toEqual([expect.stringMatching(/^low: .*--audit-log-maxsize=10/)]);
    expect(messages(apiServerAuditLogging, withFlags({ 'audit-log-maxage': null, 'audit-log-maxbackup': '0' }))).toEqual([]);
  });

  it('encryption at rest: flags a missing --encryption-provider-config', () => {
    expect(messages(apiServerEncryptionAtRest, withFlags({ 'encryption-provider-config': null }))).toEqual([
      expect.stringMatching(/^high: .*sets no --encryption-provider-config: Secrets are written to etcd unencrypted/),
    ]);
  });

  it('TLS minimum version: unset is low, TLS 1.0/1.1 medium, 1.3 passes', () => {
    expect(messages(apiServerTlsMinVersion, withFlags({ 'tls-min-version': null }))).toEqual([expect.stringMatching(/^low: .*sets no --tls-min-version/)]);
    expect(messages(apiServerTlsMinVersion, withFlags({ 'tls-min-version': 'VersionTLS10' }))).toEqual([
      expect.stringMatching(/^medium: .*--tls-min-version=VersionTLS10/),
    ]);
    expect(messages(apiServerTlsMinVersion, withFlags({ 'tls-min-version': 'VersionTLS13' }))).toEqual([]);
  });

  it('cipher suites: CBC/RC4/3DES are high, RSA key exchange medium, unset passes', () => {
    const cbc = 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,TLS_RSA_WITH_3DES_EDE_CBC_SHA';
    expect(messages(apiServerTlsCipherSuites, withFlags({ 'tls-cipher-suites': cbc }))).toEqual([
      expect.stringMatching(/^high: .*allows TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_3DES_EDE_CBC_SHA in --tls-cipher-suites/),
    ]);
    expect(messages(apiServerTlsCipherSuites, withFlags({ 'tls-cipher-suites': 'TLS_RSA_WITH_AES_128_GCM_SHA256' }))).toEqual([
      expect.stringMatching(/^medium: .*no forward secrecy/),
    ]);
    expect(messages(apiServerTlsCipherSuites, withFlags({ 'tls-cipher-suites': null }))).toEqual([]);
  });
});
