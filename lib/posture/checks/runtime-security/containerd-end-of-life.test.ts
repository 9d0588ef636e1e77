import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../cluster/types';
import { isNotAssessed } from '../../check';
import { inventoryOf } from '../../test-inventory';
import containerdEndOfLife from './containerd-end-of-life';

const node = (name: string, containerRuntimeVersion: string): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  status: { nodeInfo: { containerRuntimeVersion } },
});

describe('runtime-security.containerd-end-of-life', () => {
  it('flags containerd releases past end of life and leaves other runtimes and current releases alone', () => {
    const nodes = [node('a', 'containerd://1.6.20'), node('b', 'containerd://2.0.5'), node('c', 'cri-o://1.30.4'), node('d', '')];
    expect(containerdEndOfLife.evaluate(inventoryOf(nodes, { readAt: '2026-11-22T00:00:00Z' }))).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({ name: 'a' }),
        message: expect.stringContaining('containerd 1.6 reached end of life on 2025-08-23'),
      }),
    ]);
  });

  it('treats lines older than the table (1.2 and before) as past end of life rather than passing them', () => {
    expect(containerdEndOfLife.evaluate(inventoryOf([node('old', 'containerd://1.2.13')]))).toEqual([
      expect.objectContaining({ message: expect.stringContaining('containerd 1.2 reached end of life before 2021-03-04') }),
    ]);
  });

  it('is not assessed, rather than passing, without nodes', () => {
    expect(isNotAssessed(containerdEndOfLife.evaluate(inventoryOf([])))).toBe(true);
  });
});
