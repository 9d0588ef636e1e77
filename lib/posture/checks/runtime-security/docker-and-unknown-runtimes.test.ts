import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../cluster/types';
import { isNotAssessed } from '../../check';
import { inventoryOf, namespace } from '../../test-inventory';
import dockerEngineEndOfLife from './docker-engine-end-of-life';
import runtimeNotAssessed from './runtime-not-assessed';

const node = (name: string, containerRuntimeVersion?: string): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  status: { nodeInfo: containerRuntimeVersion === undefined ? {} : { containerRuntimeVersion } },
});

describe('runtime-security.docker-engine-end-of-life', () => {
  it('flags Docker Engine lines past end of life, per node, and leaves current lines and other runtimes alone', () => {
    const inv = inventoryOf([node('a', 'docker://20.10.21'), node('b', 'docker://24.0.9'), node('c', 'docker://28.5.2'), node('d', 'containerd://1.7.22')], {
      readAt: '2026-11-22T00:00:00Z',
    });
    expect(dockerEngineEndOfLife.evaluate(inv)).toEqual([
      expect.objectContaining({ resource: expect.objectContaining({ name: 'a' }), message: expect.stringContaining('the 20.10 line reached end of life on 2023-12-10') }),
      expect.objectContaining({ resource: expect.objectContaining({ name: 'b' }), message: expect.stringContaining('the 24.0 line reached end of life on 2024-06-08') }),
    ]);
  });

  it('passes a line on its last supported day and flags it the day after', () => {
    const on = (day: string) => dockerEngineEndOfLife.evaluate(inventoryOf([node('a', 'docker://27.5.1')], { readAt: `${day}T12:00:00Z` }));
    expect(on('2025-05-02')).toEqual([]);
    expect(on('2025-05-03')).toEqual([expect.objectContaining({ message: expect.stringContaining('27 line reached end of life on 2025-05-03') })]);
  });

  it('is not assessed without nodes', () => {
    expect(isNotAssessed(dockerEngineEndOfLife.evaluate(inventoryOf([namespace('a')])))).toBe(true);
  });
});

describe('runtime-security.runtime-not-assessed', () => {
  it('names, per node, a runtime the checks have no data for, and a node that reports none', () => {
    const inv = inventoryOf([node('k', 'kata://3.2.0'), node('w', 'frakti://1.0'), node('x'), node('c', 'containerd://1.7.22'), node('d', 'docker://24.0.9'), node('o', 'cri-o://1.30.4')]);
    const out = runtimeNotAssessed.evaluate(inv) as { resource: { name: string }; message: string; severity?: string }[];
    expect(out.map((f) => f.resource.name)).toEqual(['k', 'w', 'x']);
    expect(out[0]!.message).toContain('"kata://3.2.0"');
    expect(out[1]!.message).toContain('"frakti://1.0"');
    expect(out[2]!.message).toContain('reports no status.nodeInfo.containerRuntimeVersion');
    expect(out.every((f) => f.severity === undefined)).toBe(true); // the check's own severity: info
    expect(runtimeNotAssessed.severity).toBe('info');
  });

  it('says nothing when every node runs a runtime with data', () => {
    expect(runtimeNotAssessed.evaluate(inventoryOf([node('c', 'containerd://2.3.2'), node('d', 'docker://28.5.2')]))).toEqual([]);
  });

  it('is not assessed without nodes', () => {
    expect(isNotAssessed(runtimeNotAssessed.evaluate(inventoryOf([namespace('a')])))).toBe(true);
  });
});
