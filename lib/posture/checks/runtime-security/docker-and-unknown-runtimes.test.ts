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
  it('names, per node, the runtime string and what of it was not assessed', () => {
    const inv = inventoryOf([
      node('k', 'kata://3.2.0'),
      node('x'),
      node('u', 'containerd://unknown'),
      node('o', 'cri-o://1.30.4'),
      node('n', 'docker://31.0.0'),
      node('c', 'containerd://1.7.22'),
      node('d', 'docker://24.0.9'),
    ]);
    const out = runtimeNotAssessed.evaluate(inv) as { resource: { name: string }; message: string; severity?: string }[];
    expect(Object.fromEntries(out.map((f) => [f.resource.name, f.message]))).toEqual({
      k: 'Node k runs "kata://3.2.0": no vulnerability or end-of-life data for it here, so neither was assessed.',
      x: 'Node x reports no status.nodeInfo.containerRuntimeVersion: its container runtime was not assessed for vulnerabilities or end of life.',
      u: 'Node u runs "containerd://unknown": no vulnerability or end-of-life data for it here, so neither was assessed.',
      o: 'Node o runs "cri-o://1.30.4": no end-of-life data for it here, so that was not assessed.',
      n: 'Node n runs "docker://31.0.0": no end-of-life data for it here, so that was not assessed.',
    });
    expect(out.every((f) => f.severity === undefined)).toBe(true); // the check's own severity: info
    expect(runtimeNotAssessed.severity).toBe('info');
  });

  it('says nothing when every node runs a runtime release with data', () => {
    expect(runtimeNotAssessed.evaluate(inventoryOf([node('c', 'containerd://2.3.2'), node('d', 'docker://28.5.2'), node('e', 'containerd://1.2.13')]))).toEqual([]);
  });

  it('is not assessed without nodes', () => {
    expect(isNotAssessed(runtimeNotAssessed.evaluate(inventoryOf([namespace('a')])))).toBe(true);
  });
});
