import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../cluster/types';
import { isNotAssessed } from '../../check';
import { inventoryOf } from '../../test-inventory';
import kubeletEndOfLife from './kubelet-end-of-life';

const node = (name: string, kubeletVersion: string): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  status: { nodeInfo: { kubeletVersion } },
});

describe('host-security.kubelet-end-of-life', () => {
  it('flags kubelets whose minor ended before the scan, judged by the read date', () => {
    const nodes = [node('old', 'v1.29.15'), node('eks', 'v1.34.2-eks-1234'), node('new', 'v1.35.1'), node('odd', 'garbage')];
    const out = kubeletEndOfLife.evaluate(inventoryOf(nodes, { readAt: '2026-11-22T00:00:00Z' }));
    expect(out).toEqual([
      expect.objectContaining({ resource: expect.objectContaining({ name: 'eks' }) }),
      expect.objectContaining({
        resource: expect.objectContaining({ kind: 'Node', name: 'old' }),
        message: expect.stringContaining('1.29 reached end of life on 2025-02-28'),
      }),
    ]);
  });

  it('passes the same 1.34 node before its end of life', () => {
    expect(kubeletEndOfLife.evaluate(inventoryOf([node('eks', 'v1.34.2')], { readAt: '2026-06-01T00:00:00Z' }))).toEqual([]);
  });

  it('is not assessed, rather than passing, without nodes', () => {
    expect(isNotAssessed(kubeletEndOfLife.evaluate(inventoryOf([])))).toBe(true);
  });
});
