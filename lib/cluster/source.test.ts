import { describe, expect, it } from 'vitest';
import { sourceFromEnv } from './source';

// HOME points nowhere so a developer's own ~/.kube/config does not decide the answer.
const base = { HOME: '/nonexistent-home-for-test' } as unknown as NodeJS.ProcessEnv;

describe('sourceFromEnv', () => {
  it('reads the demo when asked, or when nothing else is configured outside a cluster', () => {
    expect(sourceFromEnv({ ...base, POSTURE_SOURCE: 'demo' })).toEqual({ kind: 'demo' });
    expect(sourceFromEnv(base)).toEqual({ kind: 'demo' });
  });

  it('reads a folder of manifests from POSTURE_FROM', () => {
    expect(sourceFromEnv({ ...base, POSTURE_FROM: '/tmp/dump' })).toEqual({ kind: 'manifests', path: '/tmp/dump' });
  });

  it('inside a pod it reads the live cluster even when the token is missing, so the failure shows', () => {
    expect(sourceFromEnv({ ...base, KUBERNETES_SERVICE_HOST: '10.96.0.1' })).toEqual({ kind: 'live', context: undefined });
  });

  it('POSTURE_SOURCE=live never falls back to the demo', () => {
    expect(sourceFromEnv({ ...base, POSTURE_SOURCE: 'live', KUBE_CONTEXT: 'prod' })).toEqual({ kind: 'live', context: 'prod' });
  });
});
