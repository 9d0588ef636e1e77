import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../../../cluster/types';
import { pod } from '../../test-inventory';
import { run as runCheck } from '../test-support';
import readOnlyRootFilesystem from './read-only-root-filesystem';

const run = (spec: PodSpec) => runCheck(readOnlyRootFilesystem, [pod('ns', 'p', spec)]);
const ro = (name: string, readOnly?: boolean) => ({ name, image: 'x', ...(readOnly === undefined ? {} : { securityContext: { readOnlyRootFilesystem: readOnly } }) });

describe('pod-security.read-only-root-filesystem', () => {
  it('flags containers (init included) whose root filesystem is writable, at low', () => {
    const [f, ...rest] = run({ initContainers: [ro('init')], containers: [ro('app', true), ro('sidecar', false)] });
    expect(rest).toEqual([]);
    expect(f!.message).toContain('containers init, sidecar can write');
    expect(f!.severity ?? readOnlyRootFilesystem.severity).toBe('low');
  });

  it('passes when every container sets readOnlyRootFilesystem: true, and ignores ephemeral containers and Windows pods', () => {
    expect(run({ containers: [ro('app', true)], ephemeralContainers: [ro('debug')] } as PodSpec)).toEqual([]);
    expect(run({ os: { name: 'windows' }, containers: [ro('app')] })).toEqual([]);
  });

  // FairwindsOps/polaris test/checks/notReadOnlyRootFilesystem/ (Apache-2.0): a pod-level
  // readOnlyRootFilesystem: false is not a field Kubernetes has, so only the containers' count.
  it.each([
    ['polaris success.pod', { containers: [ro('c', true)] }, false],
    ['polaris failure.pod', { containers: [ro('a', true), ro('b', false)] }, true],
    ['polaris failure.two_cont_one_unspecified', { containers: [ro('container-a', true), ro('container-b')] }, true],
  ] as const)('%s', (_source, spec, fails) => {
    const withPodField = { ...spec, securityContext: { readOnlyRootFilesystem: false } } as unknown as PodSpec;
    expect(run(withPodField).length > 0).toBe(fails);
  });
});
