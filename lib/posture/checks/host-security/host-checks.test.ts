import { describe, expect, it } from 'vitest';
import type { K8sObject, PodSpec } from '../../../cluster/types';
import { isNotAssessed } from '../../check';
import { deployment, inventoryOf, namespace, pod, restrictedSpec } from '../../test-inventory';
import clusterEndOfLife from './cluster-end-of-life';
import kernelPossiblyVulnerable from './kernel-possibly-vulnerable';
import kubernetesKnownCves from './kubernetes-known-cves';
import osEndOfLife from './os-end-of-life';
import podReachesHost from './pod-reaches-host';

const node = (name: string, info: Record<string, string>, labels: Record<string, string> = {}): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  status: { nodeInfo: { operatingSystem: 'linux', ...info } },
});
const readAt = '2026-11-22T00:00:00Z';

describe('host-security.kubernetes-known-cves', () => {
  it('names the kubelet CVEs of a node and the fixed release', () => {
    const out = kubernetesKnownCves.evaluate(inventoryOf([node('w', { kubeletVersion: 'v1.29.6' })]));
    expect(out).toEqual([
      expect.objectContaining({
        severity: 'high',
        resource: expect.objectContaining({ kind: 'Node', name: 'w' }),
        message: expect.stringMatching(/kubelet v1\.29\.6, affected by CVE-2024-10220 .*fixed in 1\.29\.7.*CVE-2025-0426/),
      }),
    ]);
  });

  it('passes a patched kubelet, the first fixed release of every line', () => {
    expect(kubernetesKnownCves.evaluate(inventoryOf([node('w', { kubeletVersion: 'v1.32.2' }), node('x', { kubeletVersion: 'v1.31.6' })]))).toEqual([]);
  });

  it('applies Windows-only CVEs to Windows nodes only', () => {
    const linux = kubernetesKnownCves.evaluate(inventoryOf([node('l', { kubeletVersion: 'v1.32.0' })]));
    const windows = kubernetesKnownCves.evaluate(inventoryOf([node('w', { kubeletVersion: 'v1.32.0', operatingSystem: 'windows' })]));
    expect(JSON.stringify(linux)).not.toContain('CVE-2024-9042');
    expect(JSON.stringify(windows)).toContain('CVE-2024-9042');
  });

  it('says "possibly" and lowers the severity for vendor builds that may carry backports', () => {
    const out = kubernetesKnownCves.evaluate(inventoryOf([node('eks', { kubeletVersion: 'v1.29.6-eks-a737599' })]));
    expect(out).toEqual([expect.objectContaining({ severity: 'medium', message: expect.stringContaining('possibly affected') })]);
  });

  it('checks the control plane version against API server CVEs', () => {
    const out = kubernetesKnownCves.evaluate(inventoryOf([node('w', { kubeletVersion: 'v1.33.9' })], { version: 'v1.33.3' }));
    expect(out).toEqual([
      expect.objectContaining({ resource: expect.objectContaining({ kind: 'Cluster' }), message: expect.stringContaining('CVE-2025-5187') }),
    ]);
    expect(kubernetesKnownCves.evaluate(inventoryOf([node('w', { kubeletVersion: 'v1.33.9' })], { version: 'v1.33.6' }))).toEqual([]);
  });

  it('is not assessed without node versions or a cluster version', () => {
    expect(isNotAssessed(kubernetesKnownCves.evaluate(inventoryOf([namespace('a')])))).toBe(true);
  });
});

describe('host-security.kernel-possibly-vulnerable', () => {
  it('flags a kernel in a Dirty Pipe range as possibly vulnerable, at low severity', () => {
    const out = kernelPossiblyVulnerable.evaluate(
      inventoryOf([node('old', { kernelVersion: '5.15.0-1040-aws' }), node('new', { kernelVersion: '6.1.0-25-amd64' })]),
    );
    expect(out).toEqual([
      expect.objectContaining({ resource: expect.objectContaining({ name: 'old' }), message: expect.stringMatching(/possibly vulnerable to CVE-2022-0847/) }),
    ]);
    expect(kernelPossiblyVulnerable.severity).toBe('low');
  });

  it('passes the first fixed stable release', () => {
    expect(kernelPossiblyVulnerable.evaluate(inventoryOf([node('n', { kernelVersion: '5.10.102-99.473.amzn2.x86_64' })]))).toEqual([]);
  });

  it('is not assessed without nodes', () => {
    expect(isNotAssessed(kernelPossiblyVulnerable.evaluate(inventoryOf([namespace('a')])))).toBe(true);
  });
});

describe('host-security.os-end-of-life', () => {
  it('flags Ubuntu 20.04 after 2025-05-31 and passes Debian 12 and Ubuntu 24.04', () => {
    const nodes = [
      node('a', { osImage: 'Ubuntu 20.04.6 LTS' }),
      node('b', { osImage: 'Debian GNU/Linux 12 (bookworm)' }),
      node('c', { osImage: 'Ubuntu 24.04.1 LTS' }),
    ];
    expect(osEndOfLife.evaluate(inventoryOf(nodes, { readAt }))).toEqual([
      expect.objectContaining({ resource: expect.objectContaining({ name: 'a' }), message: expect.stringContaining('ended on 2025-05-31') }),
    ]);
  });

  it('passes the same node before its end of life', () => {
    expect(osEndOfLife.evaluate(inventoryOf([node('a', { osImage: 'Ubuntu 20.04.6 LTS' })], { readAt: '2025-05-01T00:00:00Z' }))).toEqual([]);
  });

  it('is not assessed for systems it has no data for', () => {
    expect(isNotAssessed(osEndOfLife.evaluate(inventoryOf([node('a', { osImage: 'Bottlerocket OS 1.20.0' })])))).toBe(true);
  });
});

describe('host-security.cluster-end-of-life', () => {
  it('flags an end-of-life API server version', () => {
    expect(clusterEndOfLife.evaluate(inventoryOf([], { version: 'v1.31.4', readAt }))).toEqual([
      expect.objectContaining({ message: expect.stringContaining('1.31 reached end of life on 2025-11-11') }),
    ]);
  });

  it('falls back to the control-plane node kubelet, and passes a supported version', () => {
    const cp = node('cp', { kubeletVersion: 'v1.35.1' }, { 'node-role.kubernetes.io/control-plane': '' });
    expect(clusterEndOfLife.evaluate(inventoryOf([cp], { readAt }))).toEqual([]);
    const old = node('cp', { kubeletVersion: 'v1.30.2' }, { 'node-role.kubernetes.io/control-plane': '' });
    expect(clusterEndOfLife.evaluate(inventoryOf([old], { readAt }))).toEqual([
      expect.objectContaining({ message: expect.stringContaining('from the kubelet of control-plane node cp') }),
    ]);
  });

  it('is not assessed when the version is unknown', () => {
    expect(isNotAssessed(clusterEndOfLife.evaluate(inventoryOf([node('w', { kubeletVersion: 'v1.30.2' })])))).toBe(true);
  });
});

describe('host-security.pod-reaches-host', () => {
  const spec = (extra: Partial<PodSpec>): PodSpec => ({ ...restrictedSpec, ...extra });
  it('flags the docker socket, host PID and node-level capabilities, worst first', () => {
    const sock = deployment('crm', 'worker', spec({ volumes: [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }] }));
    const pid = pod('dbg', 'shell', spec({ hostPID: true }));
    const cap = deployment('stg', 'api', {
      containers: [{ name: 'api', image: 'x', securityContext: { capabilities: { add: ['NET_ADMIN'] } } }],
    });
    const out = podReachesHost.evaluate(inventoryOf([sock, pid, cap]));
    expect(out).toEqual([
      expect.objectContaining({ severity: 'critical', message: expect.stringContaining('mounts host path /var/run/docker.sock') }),
      expect.objectContaining({ severity: 'high', message: expect.stringContaining('hostPID: true') }),
      expect.objectContaining({ severity: 'medium', message: expect.stringContaining('adds NET_ADMIN') }),
    ]);
  });

  it('passes a restricted pod and harmless host paths', () => {
    const ok = deployment('shop', 'web', spec({ volumes: [{ name: 'tz', hostPath: { path: '/usr/share/zoneinfo' } }] }));
    expect(podReachesHost.evaluate(inventoryOf([ok]))).toEqual([]);
  });
});
