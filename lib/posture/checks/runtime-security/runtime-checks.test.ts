import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../cluster/types';
import { isNotAssessed } from '../../check';
import { deployment, inventoryOf, namespace, pod, restrictedSpec } from '../../test-inventory';
import runtimeKnownCves from './runtime-known-cves';
import workloadNotSandboxed from './workload-not-sandboxed';

const node = (name: string, containerRuntimeVersion: string): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  status: { nodeInfo: { containerRuntimeVersion } },
});

describe('runtime-security.runtime-known-cves', () => {
  it('flags containerd and CRI-O releases in known ranges, worst severity first', () => {
    const out = runtimeKnownCves.evaluate(inventoryOf([node('a', 'containerd://1.7.22'), node('b', 'cri-o://1.23.1'), node('c', 'containerd://2.3.2')]));
    expect(out).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({ name: 'a' }),
        severity: 'critical',
        message: expect.stringMatching(/containerd 1\.7\.22, affected by CVE-2024-40635 .*fixed in 1\.7\.27.*CVE-2026-53488/),
      }),
      expect.objectContaining({ resource: expect.objectContaining({ name: 'b' }), severity: 'critical', message: expect.stringContaining('CVE-2022-0811') }),
    ]);
  });

  it('passes the first fixed releases and says runc is not judged', () => {
    expect(runtimeKnownCves.evaluate(inventoryOf([node('a', 'containerd://1.7.33'), node('b', 'cri-o://1.31.3')]))).toEqual([]);
    const [f] = runtimeKnownCves.evaluate(inventoryOf([node('a', 'containerd://1.6.20')])) as { message: string }[];
    expect(f!.message).toContain('runc it ships is not visible');
  });

  it('is not assessed without nodes, or when no node runs a runtime it has data for', () => {
    expect(isNotAssessed(runtimeKnownCves.evaluate(inventoryOf([namespace('a')])))).toBe(true);
    expect(isNotAssessed(runtimeKnownCves.evaluate(inventoryOf([node('d', 'frakti://1.0.0')])))).toBe(true);
  });

  it('judges Docker Engine nodes by the runc fixes Docker shipped, at high at most', () => {
    const out = runtimeKnownCves.evaluate(inventoryOf([node('old', 'docker://24.0.8'), node('fixed', 'docker://24.0.9'), node('new', 'docker://28.5.2')]));
    expect(out).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({ name: 'old' }),
        severity: 'high',
        message: expect.stringMatching(/docker 24\.0\.8, affected by CVE-2024-21626 .*fixed in 24\.0\.9/),
      }),
    ]);
    expect((out as { message: string }[])[0]!.message).toContain('Docker Engine release notes');
  });
});

describe('runtime-security.workload-not-sandboxed', () => {
  const gvisor: K8sObject = { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'gvisor' }, handler: 'runsc' };
  const rootSpec = { containers: [{ name: 'nb', image: 'x', securityContext: { runAsUser: 0 } }] };

  it('names root workloads that do not use the sandbox', () => {
    const out = workloadNotSandboxed.evaluate(inventoryOf([gvisor, pod('ml', 'tom', rootSpec), deployment('shop', 'web', restrictedSpec)]));
    expect(out).toEqual([expect.objectContaining({ resource: expect.objectContaining({ name: 'tom' }), message: expect.stringContaining('gvisor (gVisor)') })]);
  });

  it('passes a root workload that runs in the sandbox', () => {
    expect(workloadNotSandboxed.evaluate(inventoryOf([gvisor, pod('ml', 'maria', { ...rootSpec, runtimeClassName: 'gvisor' })]))).toEqual([]);
  });

  it('is not assessed when the cluster offers no sandbox', () => {
    const runc: K8sObject = { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'default' }, handler: 'runc' };
    expect(isNotAssessed(workloadNotSandboxed.evaluate(inventoryOf([runc, pod('ml', 'tom', rootSpec)])))).toBe(true);
  });
});
