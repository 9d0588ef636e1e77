import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../../../cluster/types';
import { deployment, inventoryOf } from '../../test-inventory';
import ingressNginxKnownCves from './ingress-nginx-known-cves';

const controller = (image: string): PodSpec => ({ containers: [{ name: 'controller', image }] });
const run = (image: string) =>
  ingressNginxKnownCves.evaluate(inventoryOf([deployment('ingress-nginx', 'ingress-nginx-controller', controller(image))])) as {
    message: string;
    severity?: string;
  }[];

describe('image-vulnerabilities.ingress-nginx-known-cves', () => {
  it('flags IngressNightmare (CVE-2025-1974) as critical on the last vulnerable releases', () => {
    for (const tag of ['v1.11.4', 'v1.12.0']) {
      const [f] = run(`registry.k8s.io/ingress-nginx/controller:${tag}@sha256:${'b'.repeat(64)}`);
      expect(f!.severity, tag).toBe('critical');
      expect(f!.message).toContain('CVE-2025-1974');
      expect(f!.message).toMatch(/CVE-2025-1097 .*CVE-2025-1098 .*CVE-2025-24514/);
    }
  });

  it('does not report IngressNightmare on the fixed releases 1.11.5 and 1.12.1', () => {
    for (const tag of ['v1.11.5', 'v1.12.1']) {
      for (const f of run(`registry.k8s.io/ingress-nginx/controller:${tag}`)) expect(f.message, tag).not.toContain('CVE-2025-1974');
    }
  });

  it('passes a release with no known CVE, and the February 2026 fixes at their boundary', () => {
    expect(run('registry.k8s.io/ingress-nginx/controller:v1.14.3')).toEqual([]);
    expect(run('registry.k8s.io/ingress-nginx/controller:v1.13.7')).toEqual([]);
    expect(run('registry.k8s.io/ingress-nginx/controller:v1.13.6')[0]).toMatchObject({ severity: 'high', message: expect.stringContaining('CVE-2026-24512') });
  });

  it('recognises the chroot image and the old k8s.gcr.io and quay.io names, not F5 NGINX Ingress', () => {
    expect(run('registry.k8s.io/ingress-nginx/controller-chroot:v1.11.3')).toHaveLength(1);
    expect(run('k8s.gcr.io/ingress-nginx/controller:v1.1.1')[0]!.message).toContain('CVE-2021-25745');
    expect(run('quay.io/kubernetes-ingress-controller/nginx-ingress-controller:0.26.1')[0]!.message).toContain('CVE-2021-25748');
    expect(run('nginx/nginx-ingress:3.4.0')).toEqual([]);
  });

  it('says the version is not assessed when the tag names no release', () => {
    const [f] = run(`registry.k8s.io/ingress-nginx/controller@sha256:${'c'.repeat(64)}`);
    expect(f).toMatchObject({ severity: 'info', message: expect.stringContaining('not assessed') });
  });
});
