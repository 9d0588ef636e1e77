import { describe, expect, it } from 'vitest';
import type { PostureDocument } from '@/lib/posture/types';
import { redactDocument } from './redact';
import { PLANT, plantedDocument, sampleDocument } from './test-fixtures';
import { parsePostureImport } from './validate';

/** Every place a planted name survives, as a JSON path, so a failure says where. */
function leaks(value: unknown, at = '$'): string[] {
  if (typeof value === 'string') return value.toLowerCase().includes(PLANT) ? [`${at}: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaks(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [...(k.includes(PLANT) ? [`${at}.${k}`] : []), ...leaks(v, `${at}.${k}`)]);
  return [];
}

/** A document as an older version wrote it: no marks on messages or coverage evidence. */
function withoutMarks(doc: PostureDocument): PostureDocument {
  return {
    ...doc,
    findings: doc.findings.map(({ names: _n, ...f }) => f),
    areas: doc.areas.map((a) => (a.coverage ? { ...a, coverage: { ...a.coverage, tools: a.coverage.tools.map(({ names: _n, ...t }) => t) } } : a)),
  };
}

describe('redactDocument', () => {
  const planted = plantedDocument();

  it('the planted cluster names something in every place a share shows', () => {
    // The fixture must exercise what the penetration test found, or the tests below prove nothing.
    const json = JSON.stringify(planted);
    for (const name of ['zqvol-data', '/srv/zqpath', 'zqprobe.internal', 'zqns-payments', 'zqobj-ledger', 'zqsubj-alice', 'zqsa-deployer', 'zqsa-legacy', 'zqhost.shop.example', 'zqreg.corp.example', 'zqteam/zqledger', 'zqcluster-prod', 'zqobj-falco', 'zqsa-reader'])
      expect(json, name).toContain(name);
    // A fix-first entry carries the path it cuts, named in full.
    expect(JSON.stringify(planted.attackPaths!.fixFirst.map((f) => f.path))).toContain('zqctr-ledger');
    const evidence = planted.areas.flatMap((a) => a.coverage?.tools ?? []).map((t) => t.evidence);
    expect(evidence.join(' ')).toContain('zqobj-falco');
  });

  it('leaves no planted name anywhere in a redacted document', () => {
    expect(leaks(redactDocument(planted).document)).toEqual([]);
  });

  it('leaves no planted name in a redacted older document (no marks), by withholding its sentences', () => {
    const { document } = redactDocument(withoutMarks(planted));
    expect(leaks(document)).toEqual([]);
    expect(document.findings.every((f) => !f.message.includes(' lets ') && !f.message.includes('grants'))).toBe(true);
  });

  it('replaces names only where the document marks them: a namespace called default leaves "the default level" alone', () => {
    const { document } = redactDocument(planted);
    const i = planted.findings.findIndex((f) => f.checkId === 'pod-security.namespace-no-enforce-level' && f.resource.name === 'default');
    expect(i).toBeGreaterThanOrEqual(0);
    const ns = document.findings[i]!.resource.name;
    expect(ns).toMatch(/^namespace-\d+$/);
    expect(document.findings[i]!.message).toBe(planted.findings[i]!.message.replace('Namespace default ', `Namespace ${ns} `));
    expect(document.findings[i]!.message).toContain("only the API server's default level applies");
  });

  it('renders marked messages from pseudonyms, the same name always the same pseudonym', () => {
    const { document } = redactDocument(planted);
    const admin = document.findings.find((f) => f.checkId === 'rbac.binds-cluster-admin')!;
    expect(admin.message).toMatch(/^ClusterRoleBinding clusterrolebinding-\d+ grants cluster-admin across the whole cluster to User subject-\d+, ServiceAccount namespace-\d+\/subject-\d+\.$/);
    const payments = document.namespaces.find((n) => n.name === admin.message.match(/namespace-\d+/)![0]);
    expect(payments).toBeDefined(); // the same pseudonym as the namespace list's
    const ingress = document.findings.find((f) => f.checkId === 'encryption.ingress-without-tls')!;
    expect(ingress.message).toMatch(/^Ingress namespace-\d+\/ingress-\d+ has no TLS section: host-1 is served over plain HTTP\.$/);
    const token = document.findings.find((f) => f.checkId === 'authn-authz.legacy-token-secret')!;
    expect(token.message).toMatch(/for ServiceAccount subject-\d+:/);
    const pss = document.findings.find((f) => f.checkId === 'pod-security.pss.privileged')!;
    expect(pss.message).toMatch(/^Deployment namespace-\d+\/deployment-\d+ breaks .*: container "container-\d+" must not set securityContext\.privileged=true\./);
    expect(document.view?.restrictedTo).toEqual([payments!.name]);
    expect(document.cluster.name).toBe('cluster-1');
    // Kubernetes' own groups are the same everywhere and stay readable.
    expect(document.findings.find((f) => f.checkId === 'authn-authz.binding-to-everyone')?.message).toContain('system:unauthenticated');
  });

  it('keeps scores, counts and checks, gives the same pseudonyms for the same input, and stays a valid document', () => {
    const doc = sampleDocument({ cluster: 'prod-eu', privileged: true });
    const { document } = redactDocument(doc);
    expect(document.score).toBe(doc.score);
    expect(document.findings).toHaveLength(doc.findings.length);
    expect(document.checks.map((c) => c.findings)).toEqual(doc.checks.map((c) => c.findings));
    expect(document.areas.map((a) => [a.score, a.counts])).toEqual(doc.areas.map((a) => [a.score, a.counts]));
    expect(redactDocument(doc).document).toEqual(document);
    expect(parsePostureImport(JSON.stringify(document)).ok).toBe(true);
    expect(parsePostureImport(JSON.stringify({ ...planted, view: undefined })).ok).toBe(true); // marks import too
  });

  it('does not trust marks that do not fit their sentence (an imported document may carry anything)', () => {
    const f = planted.findings.find((x) => x.names?.length)!;
    const forged = { ...planted, findings: [{ ...f, message: `zqforged ${f.message}` }] };
    expect(leaks(redactDocument(forged).document.findings)).toEqual([]);
  });
});
