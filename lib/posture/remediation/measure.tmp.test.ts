import { it } from 'vitest';
import { scanDemo } from '../../cluster/offline';
import { computePosture } from '../engine';
it('measure', async () => {
  const inv = await scanDemo();
  const p = computePosture(inv);
  const f = p.findings;
  console.log('findings', f.length, 'distinct remediations', new Set(f.map((x) => x.remediation)).size);
  const by = new Map<string, Set<string>>();
  for (const x of f) {
    if (!by.has(x.checkId)) by.set(x.checkId, new Set());
    by.get(x.checkId)!.add(x.remediation);
  }
  const counts = new Map<string, number>();
  for (const x of f) counts.set(x.checkId, (counts.get(x.checkId) ?? 0) + 1);
  console.log(
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n} ${by.get(k)!.size}`)
      .join('\n'),
  );
  for (const id of [
    'host-security.pod-reaches-host',
    'authn-authz.workload-default-service-account',
    'resource-limits.container-no-limits',
    'registry-security.image-without-digest',
    'registry-security.stale-pull-policy',
    'pod-security.read-only-root-filesystem',
    'authn-authz.token-automount-not-needed',
  ]) {
    const s = f.filter((x) => x.checkId === id);
    console.log(id, s.filter((x) => x.remediationNames).length, '/', s.length);
    console.log(s.find((x) => x.remediationNames)?.remediation);
  }
  const sock = f.find((x) => x.remediation.includes('docker.sock'));
  console.log(sock?.checkId, sock?.remediation);
});
it('misses', async () => {
  const inv = await scanDemo();
  const f = computePosture(inv).findings;
  for (const x of f.filter(
    (x) => (x.checkId === 'host-security.pod-reaches-host' || x.checkId === 'pod-security.pss.host-path-volumes') && !x.remediationNames,
  ))
    console.log('MISS', x.message);
});
