// A rescan of a followed cluster lets go of the last scan's watch and inventory before it
// computes the new posture (the two at once doubled the dashboard's memory at its peak), while
// the last document is served and what reads the inventory waits for the new one.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Inventory } from '../cluster/inventory';
import type { PostureDocument } from '../posture/types';
import type { Follower } from './live-follow';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

const reads: ReturnType<typeof deferred<Inventory>>[] = [];
const triages: ReturnType<typeof deferred<object>>[] = [];
const followers: (Follower & { stopped: boolean; inventory: Inventory })[] = [];

vi.mock('../cluster/source', () => ({
  readInventory: () => {
    const d = deferred<Inventory>();
    reads.push(d);
    return d.promise;
  },
}));
vi.mock('./triage-settings', async (actual) => ({
  ...(await actual<typeof import('./triage-settings')>()),
  triageFor: () => {
    const d = deferred<object>();
    triages.push(d);
    return d.promise;
  },
}));
vi.mock('./audit-intakes', () => ({ auditDataFor: async () => null }));
vi.mock('./live-follow', () => ({
  watchEnabled: () => true,
  startFollowing: (_spec: unknown, inventory: Inventory) => {
    const f = {
      inventory,
      stopped: false,
      doc: { generatedAt: `scan ${followers.length + 1}`, findings: [], namespaces: [] } as unknown as PostureDocument,
      healthy: () => !f.stopped,
      stats: () => ({}) as ReturnType<Follower['stats']>,
      stop: () => void (f.stopped = true),
    };
    followers.push(f);
    return f;
  },
}));

const { getPosture, rescan, stopWatching } = await import('./posture-service');

const inventory = (name: string) => ({ cluster: { name }, objects: {}, missing: {} }) as unknown as Inventory;
const settle = () => new Promise((r) => setTimeout(r, 10));
async function until(what: string, ok: () => boolean) {
  for (const deadline = Date.now() + 5000; !ok(); await settle()) if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
}

let n = 0;
beforeEach(() => {
  stopWatching();
  reads.length = 0;
  triages.length = 0;
  followers.length = 0;
  n++;
});

async function firstScan() {
  const spec = { kind: 'live' as const, kubeconfig: '/nowhere', context: `ctx-${n}` };
  const first = getPosture(spec);
  await until('the scan', () => reads.length === 1);
  reads[0]!.resolve(inventory('one'));
  await until('the triage', () => triages.length === 1);
  triages[0]!.resolve({});
  return { spec, first: await first };
}

describe('a rescan of a followed cluster', () => {
  it('lets go of the last watch and inventory once the cluster is read, serving the last document until the new one', async () => {
    const { spec, first } = await firstScan();
    expect(first.doc!.generatedAt).toBe('scan 1');
    expect(first.inventory!.cluster.name).toBe('one');

    const done = rescan(spec);
    await until('the rescan', () => reads.length === 2);
    // Still listing: the watch keeps the posture current, the inventory is there.
    expect(followers[0]!.stopped).toBe(false);
    expect((await getPosture(spec)).inventory!.cluster.name).toBe('one');

    reads[1]!.resolve(inventory('two'));
    await until('the triage', () => triages.length === 2);
    // Read: the last scan's follow state and inventory are gone before the new posture is computed.
    expect(followers[0]!.stopped).toBe(true);
    expect(followers).toHaveLength(1);
    const meanwhile = await getPosture(spec);
    expect(meanwhile).toMatchObject({ doc: { generatedAt: 'scan 1' }, inventory: null, error: null });
    expect(reads).toHaveLength(2); // not due: no scan started by asking
    let waited: Awaited<ReturnType<typeof getPosture>> | null = null;
    const waiting = getPosture(spec, { waitForInventory: true }).then((r) => (waited = r));
    await settle();
    expect(waited).toBeNull();

    triages[1]!.resolve({});
    await done;
    await waiting;
    // The document and inventory of one scan, and a watch from the new lists.
    expect(waited!.doc!.generatedAt).toBe('scan 2');
    expect(waited!.inventory!.cluster.name).toBe('two');
    expect(followers[1]!.inventory.cluster.name).toBe('two');
    expect(followers[1]!.stopped).toBe(false);
  });

  it('keeps the last watch and inventory when the cluster cannot be read', async () => {
    const { spec } = await firstScan();
    const done = rescan(spec);
    await until('the rescan', () => reads.length === 2);
    reads[1]!.reject(new Error('cannot reach the cluster'));
    await expect(done).rejects.toThrow(/cannot reach/);
    const after = await getPosture(spec, { waitForInventory: true });
    expect(after).toMatchObject({ doc: { generatedAt: 'scan 1' }, inventory: { cluster: { name: 'one' } }, error: 'cannot reach the cluster' });
    expect(followers[0]!.stopped).toBe(false);
  });
});
