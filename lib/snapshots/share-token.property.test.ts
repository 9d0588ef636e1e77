// Property tests for share links (issue 9: "share tokens cannot be guessed or enumerated"):
// tokens are 256 random bits, only their SHA-256 is stored, and every token that is not a live
// share's own (changed, cut, extended, empty, random, revoked, expired, of a deleted snapshot)
// gets exactly the answer an unknown token gets, so no answer tells "exists" from "does not".
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTemporaryStore } from '@/lib/server/temporary-store';
import { newShareToken, shareTokenHash } from './share-token';
import { sampleDocument } from './test-fixtures';

// Authentication is lib/server/auth's (tested there): here, a cluster-wide viewer revoking.
vi.mock('@/lib/server/auth/guard', () => ({ clusterRouteIdentity: async () => ({ ok: true, identity: { ok: true, viewer: null, cluster: { key: 'demo', name: 'demo', spec: { kind: 'demo' } }, scope: { clusterWide: true, namespaces: new Set<string>() } } }) }));
const { DELETE } = await import('@/app/api/shares/[id]/route');
const { createShare, importSnapshot, openShare, snapshotStore } = await import('@/lib/server/snapshot-service');
const { loadSharePage } = await import('@/lib/server/snapshot-pages');

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('share tokens', () => {
  it('are 256 random bits in 43 base64url characters, distinct over 10 000 draws, hashed with SHA-256', () => {
    const draws = Array.from({ length: 10_000 }, newShareToken);
    const tokens = draws.map((d) => d.token);
    expect(tokens.filter((t) => !/^[A-Za-z0-9_-]{43}$/.test(t))).toEqual([]);
    // 43 characters carry 258 bits; the token is the canonical encoding of exactly 32 bytes.
    expect(tokens.filter((t) => Buffer.from(t, 'base64url').length !== 32 || Buffer.from(t, 'base64url').toString('base64url') !== t)).toEqual([]);
    expect(new Set(tokens).size).toBe(10_000);
    expect(new Set(draws.map((d) => d.hash)).size).toBe(10_000);
    expect(draws.filter((d) => d.hash !== sha256(d.token) || shareTokenHash(d.token) !== d.hash)).toEqual([]);
    // Every character of the alphabet turns up at the full-entropy positions (all but the last).
    const seen = new Set(tokens.flatMap((t) => [...t.slice(0, 42)]));
    expect([...ALPHABET].filter((c) => !seen.has(c))).toEqual([]);
  });
});

describe('share links in the store (properties)', () => {
  useTemporaryStore('share-prop-');
  // Live shares on two snapshots, and one each revoked, expired, and of a deleted snapshot.
  const t = {} as Record<'a' | 'b' | 'revoked' | 'expired' | 'deleted', { token: string; id: string }>;

  beforeAll(async () => {
    const store = await snapshotStore(); // initdb: seconds on a loaded machine
    const snap = async (cluster: string) => (await importSnapshot(sampleDocument({ cluster }), `label of ${cluster}`, 'demo')).id;
    const share = async (snapshotId: string) => {
      const s = (await createShare(snapshotId, 'demo', { expiresInHours: 24, redact: false }))!;
      return { token: s.token, id: s.share.id };
    };
    const [a, b, gone] = [await snap('cluster-a'), await snap('cluster-b'), await snap('cluster-gone')];
    t.a = await share(a);
    t.b = await share(b);
    t.revoked = await share(a);
    t.expired = await share(a);
    t.deleted = await share(gone);
    await store.revokeShare(t.revoked.id, 'demo');
    await store.sql.query(`UPDATE snapshot_shares SET expires_at = now() - interval '1 minute' WHERE id = $1`, [t.expired.id]);
    await store.delete(gone, 'demo');
  }, 120_000);

  it('the database holds only SHA-256 hashes: no token text in any column of any table', async () => {
    const store = await snapshotStore();
    const rows = await store.sql.query<{ token_hash: string; id: string }>('SELECT * FROM snapshot_shares');
    const expected = new Map(Object.values(t).map((s) => [s.id, sha256(s.token)]));
    expect(rows.filter((r) => expected.has(r.id)).map((r) => r.token_hash)).toEqual(rows.filter((r) => expected.has(r.id)).map((r) => expected.get(r.id)));
    const tables = await store.sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((x) => x.table_name)).toContain('snapshot_shares');
    for (const { table_name } of tables) {
      const dump = (await store.sql.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM "${table_name}" x`)).map((r) => r.j).join('\n');
      expect(
        Object.values(t).filter((s) => dump.includes(s.token) || dump.includes(s.token.slice(0, 16))),
        table_name,
      ).toEqual([]);
    }
  });

  /** What a share page does with a token: the document it shows, or how it refuses. */
  const pageFor = (token: string) =>
    loadSharePage(token).then(
      (p) => ({ opened: p.doc.cluster.name }),
      (e: Error & { digest?: string }) => ({ refused: e.message, digest: e.digest }),
    );

  it("a live share's token opens its own snapshot and no other", async () => {
    expect(await pageFor(t.a.token)).toEqual({ opened: 'cluster-a' });
    expect(await pageFor(t.b.token)).toEqual({ opened: 'cluster-b' });
    expect((await openShare(t.a.token))?.label).toBe('label of cluster-a');
  });

  it('every other token is refused exactly as an unknown one is: changed, cut, extended, empty, random, revoked, expired, deleted', async () => {
    const unknown = await pageFor(newShareToken().token);
    expect(unknown).toEqual({ refused: 'NEXT_HTTP_ERROR_FALLBACK;404', digest: 'NEXT_HTTP_ERROR_FALLBACK;404' }); // notFound()
    const live = t.a.token;
    const badToken = fc.oneof(
      // one character changed, to another of the alphabet or to something outside it
      fc
        .tuple(fc.nat({ max: 42 }), fc.constantFrom(...ALPHABET, '=', '+', '/', '.', ' ', '%', 'é', '\u0000'))
        .filter(([i, c]) => live[i] !== c)
        .map(([i, c]) => live.slice(0, i) + c + live.slice(i + 1)),
      fc.nat({ max: 42 }).map((n) => live.slice(0, n)), // truncated (0 = empty)
      fc.string({ minLength: 1, maxLength: 5 }).map((s) => live + s), // extended
      fc.integer({ min: 44, max: 5_000 }).map((n) => live.repeat(Math.ceil(n / 43)).slice(0, n)), // overlong
      fc.integer({ min: 1, max: 42 }).map((n) => live.slice(n) + live.slice(0, n)), // rotated
      fc.string({ unit: 'binary', maxLength: 60 }), // random text
      fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), // random, in the right form
      fc.constantFrom(t.revoked.token, t.expired.token, t.deleted.token, '', live.toUpperCase(), `${live}=`, encodeURIComponent(live + '/')),
    );
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(badToken, async (token) => {
        expect(await openShare(token)).toBeNull();
        expect(await pageFor(token)).toEqual(unknown);
        checked++;
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThanOrEqual(300);
    expect(await pageFor(live)).toEqual({ opened: 'cluster-a' }); // still opens: nothing above changed the store
  });

  it('DELETE /api/shares/:id answers every id that revokes nothing the same: malformed, unknown, revoked', async () => {
    const del = async (id: string) => {
      const res = await DELETE(new Request(`http://localhost/api/shares/${encodeURIComponent(id)}`, { method: 'DELETE' }), { params: Promise.resolve({ id }) });
      return { status: res.status, body: await res.text() };
    };
    const unknown = await del('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const ids = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.uuid(),
      fc.constantFrom(t.revoked.id, t.deleted.id, t.a.token, '', t.a.id.toUpperCase(), t.a.id + 'x', t.a.id.slice(0, 35)),
    );
    await fc.assert(
      fc.asyncProperty(ids, async (id) => {
        expect(await del(id)).toEqual(unknown);
      }),
      { numRuns: 200 },
    );
    // An expired share's id is listed to the same viewers, and the list offers to revoke it: that
    // revokes (204); the link opened nothing before and opens nothing after.
    expect((await del(t.expired.id)).status).toBe(204);
    expect(await openShare(t.expired.token)).toBeNull();
  });
});
