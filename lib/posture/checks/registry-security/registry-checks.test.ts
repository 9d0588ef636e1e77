import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../../../cluster/types';
import { deployment, inventoryOf } from '../../test-inventory';
import imageFromPublicRegistry from './image-from-public-registry';
import imageWithoutDigest from './image-without-digest';
import stalePullPolicy from './stale-pull-policy';

const withImage = (image: string, imagePullPolicy?: string): PodSpec => ({
  containers: [{ name: 'app', image, ...(imagePullPolicy ? { imagePullPolicy } : {}) }],
});
const digest = 'sha256:' + 'a'.repeat(64);

describe('registry-security.image-from-public-registry', () => {
  it('flags Docker Hub (implicit and explicit), ghcr.io, quay.io and public.ecr.aws', () => {
    const out = imageFromPublicRegistry.evaluate(
      inventoryOf([
        deployment('a', 'implicit', withImage('nginx:1.27')),
        deployment('a', 'ghcr', withImage('ghcr.io/org/app:1.0')),
        deployment('a', 'quay', withImage('quay.io/org/app:1.0')),
        deployment('a', 'ecr', withImage('public.ecr.aws/org/app:1.0')),
      ]),
    );
    expect(out).toHaveLength(4);
    expect(out).toContainEqual(expect.objectContaining({ message: expect.stringContaining('pulls nginx:1.27 from docker.io') }));
  });

  it('passes private registries and registry.k8s.io', () => {
    const out = imageFromPublicRegistry.evaluate(
      inventoryOf([
        deployment('a', 'own', withImage(`registry.acme.internal/app@${digest}`)),
        deployment('a', 'k8s', withImage('registry.k8s.io/coredns/coredns:v1.11.3')),
      ]),
    );
    expect(out).toEqual([]);
  });

  it('with an allow-list, flags every registry outside it, public or not', () => {
    const inv = {
      ...inventoryOf([
        deployment('a', 'own', withImage(`registry.acme.internal/app@${digest}`)),
        deployment('a', 'team', withImage('ghcr.io/acme/tool:1.0')),
        deployment('a', 'other', withImage('ghcr.io/someone/tool:1.0')),
        deployment('a', 'k8s', withImage('registry.k8s.io/pause:3.10')),
      ]),
      settings: { allowedRegistries: ['registry.acme.internal', 'ghcr.io/acme'] },
    };
    const out = imageFromPublicRegistry.evaluate(inv);
    expect(out).toEqual([
      expect.objectContaining({ resource: expect.objectContaining({ name: 'k8s' }), message: expect.stringContaining('outside the allowed registries') }),
      expect.objectContaining({ resource: expect.objectContaining({ name: 'other' }) }),
    ]);
  });
});

describe('registry-security.image-without-digest', () => {
  it('flags a release tag without digest and leaves :latest to the mutable-tag check', () => {
    const out = imageWithoutDigest.evaluate(
      inventoryOf([deployment('a', 'tagged', withImage('redis:7.2-alpine')), deployment('a', 'latest', withImage('redis:latest'))]),
    );
    expect(out).toEqual([expect.objectContaining({ resource: expect.objectContaining({ name: 'tagged' }) })]);
  });

  it('passes tag@digest and a registry with a port', () => {
    const out = imageWithoutDigest.evaluate(inventoryOf([deployment('a', 'pinned', withImage(`registry:5000/app:1.0@${digest}`))]));
    expect(out).toEqual([]);
  });
});

describe('registry-security.stale-pull-policy', () => {
  it('flags :latest or untagged images pulled IfNotPresent or Never', () => {
    const out = stalePullPolicy.evaluate(
      inventoryOf([deployment('a', 'latest', withImage('app:latest', 'IfNotPresent')), deployment('a', 'untagged', withImage('app', 'Never'))]),
    );
    expect(out).toHaveLength(2);
    expect(out).toContainEqual(expect.objectContaining({ message: expect.stringContaining('imagePullPolicy IfNotPresent') }));
  });

  it('passes Always, the default for :latest, and digests', () => {
    const out = stalePullPolicy.evaluate(
      inventoryOf([
        deployment('a', 'always', withImage('app:latest', 'Always')),
        deployment('a', 'default', withImage('app:latest')),
        deployment('a', 'digest', withImage(`app@${digest}`, 'IfNotPresent')),
      ]),
    );
    expect(out).toEqual([]);
  });
});
