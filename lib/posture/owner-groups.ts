// Owners as the findings and namespaces pages filter and group them: named owners in
// alphabetical order, then what has none. The owner filter's "(none)" picks the unowned (a label
// value cannot contain parentheses, so no label-given owner is spelt so).
export const NO_OWNER = '(none)';

/** Whether `owner` passes the owner filter `wanted` (absent: everything). */
export function ownerMatches(owner: string | undefined, wanted: string | undefined): boolean {
  if (!wanted) return true;
  return wanted === NO_OWNER ? !owner : owner === wanted;
}

/** Named owners alphabetically, the unowned last. */
export function compareOwners(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a.localeCompare(b);
}

/** The distinct owners of `rows`, in compareOwners order (the unowned as NO_OWNER, when any). */
export function ownersOf<T>(rows: readonly T[], ownerOf: (r: T) => string | undefined): string[] {
  const owners = [...new Set(rows.map(ownerOf))].sort(compareOwners);
  return owners.map((o) => o ?? NO_OWNER);
}

export interface OwnerGroup<T> {
  /** null: no owner. */
  owner: string | null;
  rows: T[];
}

/** Rows split by owner, groups in compareOwners order, each keeping the rows' order. */
export function groupByOwner<T>(rows: readonly T[], ownerOf: (r: T) => string | undefined): OwnerGroup<T>[] {
  const groups = new Map<string | undefined, T[]>();
  for (const r of rows) {
    const o = ownerOf(r);
    const g = groups.get(o);
    if (g) g.push(r);
    else groups.set(o, [r]);
  }
  return [...groups.keys()].sort(compareOwners).map((o) => ({ owner: o ?? null, rows: groups.get(o)! }));
}
