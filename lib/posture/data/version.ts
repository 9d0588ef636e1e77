// A small version comparator for the formats nodes report: Kubernetes ("v1.31.4-eks-…"),
// containerd / CRI-O ("1.7.22", "2.1.0-beta.0"), runc ("1.0.0-rc95", "1.4.0-rc.3") and
// kernels ("5.15.0-1064-aws", where the suffix is a distribution build, not a pre-release).
// Ordering follows semver: numbers compare numerically, a pre-release sorts before its release.

export interface ParsedVersion {
  /** Numeric release parts, e.g. [1, 7, 22]. */
  release: number[];
  /** Pre-release identifiers split into number and text runs ("rc95" -> ["rc", 95]); empty for a release. */
  pre: (string | number)[];
}

// Every node is checked against every known-CVE range: the same few strings, parsed again and again.
const parsed = new Map<string, ParsedVersion | null>();

function cachedParse(v: string): Readonly<ParsedVersion> | null {
  let p = parsed.get(v);
  if (p === undefined) {
    if (parsed.size >= 10_000) parsed.clear(); // bounded: versions come from the cluster
    parsed.set(v, (p = parseUncached(v)));
  }
  return p;
}

export function parseVersion(v: string): ParsedVersion | null {
  const p = cachedParse(v);
  return p && { release: [...p.release], pre: [...p.pre] }; // the caller's to change
}

function parseUncached(v: string): ParsedVersion | null {
  const m = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(v.trim());
  if (!m) return null;
  const release = m[1]!.split('.').map(Number);
  const pre = (m[2] ?? '')
    .split(/[.-]/)
    .filter(Boolean)
    .flatMap((part) => part.match(/\d+|\D+/g) ?? [])
    .map((t) => (/^\d+$/.test(t) ? Number(t) : t));
  return { release, pre };
}

/**
 * The leading numeric release of a version as a node reports it, vendor and distribution
 * suffixes dropped: "v1.31.6-eks-ab12" -> "1.31.6", "5.15.0-1064-aws" -> "5.15.0",
 * "1.7.22~ds1" -> "1.7.22". Null when it does not start with a number.
 */
export function coreVersion(v: string | null | undefined): string | null {
  const m = /^v?(\d+(?:\.\d+)*)/.exec((v ?? '').trim());
  return m ? m[1]! : null;
}

export function compareVersions(a: string, b: string): number {
  const pa = cachedParse(a);
  const pb = cachedParse(b);
  if (!pa || !pb) throw new Error(`not a version: ${!pa ? a : b}`);
  const n = Math.max(pa.release.length, pb.release.length);
  for (let i = 0; i < n; i++) {
    const d = (pa.release[i] ?? 0) - (pb.release[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (pa.pre.length === 0 || pb.pre.length === 0) return pa.pre.length === pb.pre.length ? 0 : pa.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(pa.pre.length, pb.pre.length); i++) {
    const x = pa.pre[i];
    const y = pb.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return Math.sign(x - y);
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** One affected interval: from `introduced` (inclusive; absent = every earlier version) to `fixed` (exclusive; absent = no fix). */
export interface AffectedRange {
  introduced?: string;
  fixed?: string;
}

export function inRanges(version: string, ranges: readonly AffectedRange[]): AffectedRange | undefined {
  return ranges.find(
    (r) => (r.introduced === undefined || compareVersions(version, r.introduced) >= 0) && (r.fixed === undefined || compareVersions(version, r.fixed) < 0),
  );
}

/** "≥1.5.0 <1.5.9; <1.4.13" as text, for messages and tests. */
export function describeRanges(ranges: readonly AffectedRange[]): string {
  return ranges.map((r) => [r.introduced ? `>=${r.introduced}` : '', r.fixed ? `<${r.fixed}` : '(no fix)'].filter(Boolean).join(' ')).join('; ');
}
