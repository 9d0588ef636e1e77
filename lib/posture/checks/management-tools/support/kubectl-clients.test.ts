import { describe, expect, it } from 'vitest';
import { kubectlVersionOf, vulnerableKubectlClients } from './kubectl-clients';

describe('kubectlVersionOf', () => {
  it.each([
    ['kubectl/v1.26.1 (linux/amd64) kubernetes/8f94681', '1.26.1'],
    ['kubectl.exe/v1.13.10 (windows/amd64) kubernetes/37d1693', '1.13.10'],
    ['kubectl/v1.31.4+k3s1 (linux/arm64) kubernetes/a8c8ff6', '1.31.4'],
    ['kubectl/v1.35.0-rc.1 (darwin/arm64) kubernetes/0123456', '1.35.0-rc.1'],
  ])('%s -> %s', (ua, v) => expect(kubectlVersionOf(ua)).toBe(v));
  it.each(['kube-controller-manager/v1.31.4 (linux/amd64) kubernetes/a8c8ff6/system:serviceaccount:kube-system:deployment-controller', 'Go-http-client/2.0', 'kubectl', 'mykubectl/v1.9.0 (linux/amd64)', ''])(
    'not kubectl: %s',
    (ua) => expect(kubectlVersionOf(ua)).toBeNull(),
  );
});

describe('vulnerableKubectlClients', () => {
  it('merges agents of one vulnerable version and leaves current ones out', () => {
    const out = vulnerableKubectlClients([
      { userAgent: 'kubectl/v1.15.3 (linux/amd64) kubernetes/2d3c76f', count: 4, users: ['alice@acme.com'], firstSeen: '2026-11-20T10:00:00Z', lastSeen: '2026-11-21T09:00:00Z' },
      { userAgent: 'kubectl/v1.15.3 (darwin/amd64) kubernetes/2d3c76f', count: 2, users: ['bob@acme.com', 'alice@acme.com'], firstSeen: '2026-11-19T08:00:00Z', lastSeen: '2026-11-20T08:00:00Z' },
      { userAgent: 'kubectl/v1.15.4 (linux/amd64) kubernetes/67d2fcf', count: 9, users: ['carol@acme.com'] },
      { userAgent: 'kubectl/v1.34.2 (linux/amd64) kubernetes/8cc511e', count: 50 },
      { userAgent: 'kubectl/v1.9.5 (linux/amd64) kubernetes/f01a2bf', count: 1 },
    ]);
    expect(out.map((v) => [v.version, v.cves.map((c) => c.cve), v.count, v.users, v.firstSeen, v.lastSeen])).toEqual([
      ['1.9.5', ['CVE-2018-1002100', 'CVE-2019-1002101', 'CVE-2019-11246', 'CVE-2019-11249', 'CVE-2019-11244'], 1, [], undefined, undefined],
      ['1.15.3', ['CVE-2019-11251'], 6, ['alice@acme.com', 'bob@acme.com'], '2026-11-19T08:00:00Z', '2026-11-21T09:00:00Z'],
    ]);
    expect(out[1]!.userAgents).toHaveLength(2);
  });
});
