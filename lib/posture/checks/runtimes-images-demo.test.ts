// The issue-14 checks on the demo cluster (lib/demo/README.md): runtimes, ingress-nginx, read-only root filesystems.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../cluster/inventory';
import { scanDemo } from '../../cluster/offline';
import { isNotAssessed, type CheckOutcome, type RawFinding } from '../check';
import { computePosture } from '../engine';
import { checkById } from '../registry';
import { SEVERITY_ORDER } from './host-security/support/nodes';
import ingressNginxKnownCves from './image-vulnerabilities/ingress-nginx-known-cves';
import readOnlyRootFilesystem from './pod-security/read-only-root-filesystem';
import dockerEngineEndOfLife from './runtime-security/docker-engine-end-of-life';
import runtimeNotAssessed from './runtime-security/runtime-not-assessed';

let inv: Inventory;
beforeAll(async () => {
  inv = await scanDemo();
});

const findings = (out: CheckOutcome): RawFinding[] => {
  if (isNotAssessed(out)) throw new Error(out.notAssessed);
  return out;
};

describe('issue-14 checks on the demo cluster', () => {
  it('every demo node runs containerd, so no runtime goes unassessed and no Docker line is judged', () => {
    expect(findings(runtimeNotAssessed.evaluate(inv))).toEqual([]);
    expect(findings(dockerEngineEndOfLife.evaluate(inv))).toEqual([]);
  });

  it('flags the ingress-nginx 1.13.3 controller for the February 2026 advisories, and nothing else', () => {
    const out = findings(ingressNginxKnownCves.evaluate(inv));
    expect(out.map((f) => `${f.resource.kind} ${f.resource.namespace}/${f.resource.name}`)).toEqual(['Deployment ingress-nginx/ingress-nginx-controller']);
    expect(out[0]!.severity).toBe('high');
    expect(out[0]!.message).toMatch(/ingress-nginx 1\.13\.3, affected by CVE-2026-24512 .*fixed in 1\.13\.7.*CVE-2026-1580/);
  });

  it('finds writable root filesystems where the demo leaves them, and none in payments, which sets them read-only', () => {
    const out = findings(readOnlyRootFilesystem.evaluate(inv));
    const namespaces = new Set(out.map((f) => f.resource.namespace));
    expect(namespaces.has('legacy-crm')).toBe(true);
    expect(namespaces.has('payments')).toBe(false);
  });

  it("keeps every finding of the issue-14 checks at or below the check's declared severity", () => {
    const ids = [
      'authn-authz.secret-in-environment',
      'authn-authz.apiserver-admission-plugins',
      'authn-authz.control-plane-profiling',
      'authn-authz.control-plane-bind-address',
      'authn-authz.controller-manager-service-account-credentials',
      'encryption.apiserver-etcd-tls',
      'encryption.etcd-client-cert-auth',
      'pod-security.read-only-root-filesystem',
      'image-vulnerabilities.ingress-nginx-known-cves',
      'runtime-security.docker-engine-end-of-life',
      'runtime-security.runtime-not-assessed',
    ];
    const doc = computePosture(inv);
    const mine = doc.findings.filter((f) => ids.includes(f.checkId));
    expect(new Set(mine.map((f) => f.checkId)).size).toBeGreaterThanOrEqual(4);
    for (const f of mine) expect(SEVERITY_ORDER.indexOf(f.severity), f.checkId).toBeGreaterThanOrEqual(SEVERITY_ORDER.indexOf(checkById(f.checkId)!.severity));
  });
});
