// Signed-out session ids, refused until the session would have expired anyway. Kept in the
// snapshot store (survives restarts, shared by replicas) and in this process's memory, which
// alone answers when the store is down: a sign-out then holds on this replica at least.
export interface RevocationStore {
  revokeSession(id: string, expiresAt: Date): Promise<void>;
  isSessionRevoked(id: string): Promise<boolean>;
}

export interface Revocations {
  revoke(sid: string, expiresAt: number): Promise<void>;
  isRevoked(sid: string): Promise<boolean>;
}

const MAX_IN_MEMORY = 100_000;

export function createRevocations(store: () => Promise<RevocationStore>, now: () => number = Date.now): Revocations {
  const memory = new Map<string, number>(); // sid -> expiry
  return {
    async revoke(sid, expiresAt) {
      if (memory.size >= MAX_IN_MEMORY) for (const [k, exp] of memory) if (exp <= now()) memory.delete(k);
      // Still full: the oldest entries go first (the store keeps them, unless it is down too).
      while (memory.size >= MAX_IN_MEMORY) memory.delete(memory.keys().next().value!);
      memory.set(sid, expiresAt);
      try {
        await (await store()).revokeSession(sid, new Date(expiresAt));
      } catch (e) {
        console.error(`[auth] sign-out recorded in this process only, the store is unavailable: ${(e as Error).message}`);
      }
    },
    async isRevoked(sid) {
      const exp = memory.get(sid);
      if (exp !== undefined) {
        if (exp > now()) return true;
        memory.delete(sid);
      }
      try {
        return await (await store()).isSessionRevoked(sid);
      } catch (e) {
        console.error(`[auth] cannot read revoked sessions, the store is unavailable: ${(e as Error).message}`);
        return false;
      }
    },
  };
}
