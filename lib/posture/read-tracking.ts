// What a check read from the inventory, for lib/posture/incremental.ts. The incremental path
// wraps the inventory so every read is noted here. Values memoised per inventory and shared by
// checks (oncePerInventory, the RBAC model) are noted as one read, `memo:<key>`, and what their
// build read is kept per key: the incremental path then re-runs a check when a memo it used may
// have changed, or, where it can tell the memo's value did not change, not at all. Without an
// active recording (an ordinary computePosture) all of this does nothing.

const stack: Set<string>[] = [];
const entryKeys = new WeakMap<object, string>();
/** Per memo key, everything any build of it read (only ever grows). */
const memoReads = new Map<string, Set<string>>();

/** Runs `fn` noting every read into `sink`. */
export function recordReads<T>(sink: Set<string>, fn: () => T): T {
  stack.push(sink);
  try {
    return fn();
  } finally {
    stack.pop();
  }
}

/** Called by the recording inventory on each read. */
export function noteRead(what: string): void {
  for (const s of stack) s.add(what);
}

/** Builds the memoised value stored as `key`: what the build reads is the memo's, not the caller's. */
export function memoBuild<T>(key: string, build: () => T): T {
  return asMemoRead(key, build);
}

/** Reads what a memo's cache is validated against, as the memo's reads. */
export function memoDeps<T>(key: string, deps: () => T): T {
  return asMemoRead(key, deps);
}

// The reads `fn` makes are the memo's, not the caller's: the caller depends on the memo.
function asMemoRead<T>(key: string, fn: () => T): T {
  if (stack.length === 0) return fn();
  noteRead(`memo:${key}`);
  let reads = memoReads.get(key);
  if (!reads) memoReads.set(key, (reads = new Set()));
  const outer = stack.splice(0);
  try {
    return recordReads(reads, fn);
  } finally {
    stack.push(...outer);
  }
}

/** Marks a cached value as built under recording, so hits on it can be attributed. */
export function memoStored(entry: object, key: string): void {
  if (stack.length > 0) entryKeys.set(entry, key);
}

/** A cache hit: the caller depends on the memo. */
export function memoHit(entry: object): void {
  if (stack.length === 0) return;
  const key = entryKeys.get(entry);
  // Built outside any recording (e.g. by computePosture on the same inventory): what it read is unknown.
  noteRead(key === undefined ? '*' : `memo:${key}`);
}

/** What the builds of each memo read so far. */
export function memoReadsSnapshot(): Map<string, Set<string>> {
  return new Map([...memoReads].map(([k, v]) => [k, new Set(v)]));
}
