// Issue 19, who sees which pushed cluster: the hub's admins (cluster-wide on the hub's own
// cluster) see every one; others see those whose groups they are in; strangers nothing. Held on
// GET /api/fleet, the /fleet page's data and each cluster's pages (404, as for a missing page).
// Real route handlers and page loaders, AUTH_MODE=token against the fake clusters.
import { describe, expect, it, vi } from 'vitest';
import type { AttackPathsSummary } from '../lib/posture/types';
import { sampleDocument } from '../lib/snapshots/test-fixtures';
import { asBrowser, Browser, call, signIn, TOKENS, useTwoClusters } from './two-clusters';

vi.mock('next/headers', async () => (await import('./two-clusters')).nextHeaders);

const api = await import('../app/api/fleet/route');
const tokens = await import('../app/api/fleet/tokens/route');
const { fleetFor, fleetPageIdentity, loadFleetClusterPage } = await import('../lib/server/fleet-access');

useTwoClusters('kp-fleet-access-');

/** A day back: the hub keeps 90 days of reports, so a fixed date would age out. */
const GENERATED_AT = new Date(Date.now() - 86_400_000).toISOString();

async function seed() {
  const { appStore } = await import('../lib/server/snapshot-store');
  const { FleetStore } = await import('../lib/fleet/store');
  const fleet = new FleetStore((await appStore().get()).sql);
  for (const [name, groups, env] of [
    ['payments-prod', ['payments-team'], 'prod'],
    ['core-prod', [], 'prod'],
    ['core-dev', ['contractors-not-this'], 'dev'],
  ] as const) {
    await fleet.createToken(name, { labels: { env }, groups: [...groups] });
    const doc = { ...sampleDocument({ generatedAt: GENERATED_AT }), attackPaths: pathsCutBy([`${name}-only-admin`, 'everyone-admin']) };
    await fleet.ingest((await fleet.cluster(name))!, JSON.stringify(doc), doc);
  }
}

/** Attack paths whose fix-first changes are these bindings: one per cluster, one shared by all. */
function pathsCutBy(bindings: string[]): AttackPathsSummary {
  return {
    counts: { 'cluster-admin': bindings.length, node: 0, 'namespace-secrets': 0, 'cluster-secrets': 0, 'kube-system': 0 },
    byNamespace: {},
    footholds: 1,
    paths: [],
    fixFirst: bindings.map((b) => ({
      object: { kind: 'ClusterRoleBinding', namespace: null, name: b, apiVersion: 'rbac.authorization.k8s.io/v1' },
      field: 'subjects',
      change: 'remove Group system:authenticated from subjects',
      patch: 'subjects: []',
      removes: { 'cluster-admin': 1, node: 0 },
    })),
  };
}

const names = async (res: Response) => ((await res.json()) as { rows: { name: string }[] }).rows.map((r) => r.name);
const notFound = (p: Promise<unknown>) => expect(p).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);

describe('fleet access', () => {
  it('fleet-groups: each surface shows a viewer the pushed clusters of their groups only; admins all; strangers none', async () => {
    await seed();
    const stranger = new Browser('192.0.2.40');
    expect((await call(stranger, api.GET, 'GET', '/api/fleet')).status).toBe(401);

    const root = new Browser('192.0.2.41');
    expect((await signIn(root, TOKENS.root)).status).toBe(303);
    expect(await names(await call(root, api.GET, 'GET', '/api/fleet'))).toEqual(['core-dev', 'core-prod', 'payments-prod']);
    expect(await names(await call(root, api.GET, 'GET', '/api/fleet?env=prod'))).toEqual(['core-prod', 'payments-prod']);
    const all = await asBrowser(root, async () => fleetFor(await fleetPageIdentity(), {}));
    expect(all.fixFirst[0]).toMatchObject({ name: 'everyone-admin', admin: 3 });
    expect(all.fixFirst.map((f) => f.name)).toContain('core-dev-only-admin');
    expect((await call(root, api.GET, 'GET', '/api/fleet?env=%3Cscript%3E')).status).toBe(400);
    expect((await asBrowser(root, () => loadFleetClusterPage('core-prod'))).doc.generatedAt).toBe(GENERATED_AT);

    const pat = new Browser('192.0.2.42'); // payments-team, a namespace viewer on the hub's cluster
    expect((await signIn(pat, TOKENS.pat)).status).toBe(303);
    expect(await names(await call(pat, api.GET, 'GET', '/api/fleet'))).toEqual(['payments-prod']);
    const page = await asBrowser(pat, async () => fleetFor(await fleetPageIdentity(), {}));
    expect(page.rows.map((r) => r.name)).toEqual(['payments-prod']);
    expect(page.labels).toEqual({ env: ['prod'] }); // not even the labels of clusters they may not see
    // Fix first across the fleet: only changes from their clusters, and the shared one counted in theirs alone.
    expect(page.fixFirst.map((f) => [f.name, f.clusters.map((c) => c.name)])).toEqual([
      ['everyone-admin', ['payments-prod']],
      ['payments-prod-only-admin', ['payments-prod']],
    ]);
    expect((await asBrowser(pat, () => loadFleetClusterPage('payments-prod'))).base).toBe('/fleet/payments-prod');
    await notFound(asBrowser(pat, () => loadFleetClusterPage('core-prod')));
    await notFound(asBrowser(pat, () => loadFleetClusterPage('no-such-cluster')));
    await notFound(asBrowser(pat, () => loadFleetClusterPage('../etc')));

    const nobody = new Browser('192.0.2.43');
    expect((await signIn(nobody, TOKENS.nobody)).status).toBe(303);
    expect(await names(await call(nobody, api.GET, 'GET', '/api/fleet'))).toEqual([]);
    expect((await asBrowser(nobody, async () => fleetFor(await fleetPageIdentity(), {}))).fixFirst).toEqual([]);
    await notFound(asBrowser(nobody, () => loadFleetClusterPage('core-dev')));

    // Ingest tokens: the hub's admins only; answered once, in the shape agents send.
    const ask = (b: Browser) => call(b, tokens.POST, 'POST', '/api/fleet/tokens', { json: { cluster: 'payments-prod' } });
    expect((await ask(stranger)).status).toBe(401);
    expect((await ask(pat)).status).toBe(403);
    const made = await ask(root);
    expect(made.status).toBe(201);
    expect((await made.json()).token).toMatch(/^kpi_[A-Za-z0-9_-]{43}$/);
    expect((await call(root, tokens.POST, 'POST', '/api/fleet/tokens', { json: { cluster: 'Bad Name' } })).status).toBe(400);
  }, 120_000);
});
