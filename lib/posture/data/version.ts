// Versions as nodes and vulnerability feeds give them — Kubernetes ("v1.31.4-eks-…"),
// containerd / CRI-O ("1.7.22", "2.1.0-beta.0"), runc ("1.0.0-rc95", "1.4.0-rc.3"), kernels
// ("5.15.0-1064-aws") — compared by `semver`. Our own code is only what turns them into
// semantic versions: vendor and distribution suffixes, a missing patch, and runc's "rc95".
import { compare, parse, type SemVer } from 'semver';

// Kubernetes vendor builds: "-eks-ab12", "-gke.1234000" name a build of that release, not a
// pre-release of it (build metadata such as "+k3s1" already means that in semver).
const VENDOR_SUFFIX = /-(?:eks|gke)[.-][0-9A-Za-z.-]*/;
const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]*)?$/;

// Every node is checked against every known-CVE range: the same few strings, parsed again and again.
const parsed = new Map<string, SemVer | null>();

/** The semantic version a version string stands for, or null when it is none. */
export function semverOf(v: string): SemVer | null {
  let p = parsed.get(v);
  if (p === undefined) {
    if (parsed.size >= 10_000) parsed.clear(); // bounded: versions come from the cluster
    parsed.set(v, (p = parseUncached(v)));
  }
  return p;
}

function parseUncached(v: string): SemVer | null {
  const m = VERSION.exec(v.trim().replace(VENDOR_SUFFIX, ''));
  if (!m) return null;
  // "rc95" -> "rc.95": semver compares identifiers, so rc10 > rc9 only once the number stands alone.
  const pre = (m[4] ?? '')
    .split(/[.-]/)
    .filter(Boolean)
    .flatMap((part) => part.match(/\d+|\D+/g) ?? [])
    .map((t) => (/^\d+$/.test(t) ? String(Number(t)) : t))
    .join('.');
  // Number(): Docker's calendar releases write "18.06.3", a leading zero semver refuses.
  return parse(`${Number(m[1])}.${Number(m[2] ?? 0)}.${Number(m[3] ?? 0)}${pre ? `-${pre}` : ''}`);
}

/**
 * The leading numeric release of a version as a node reports it, vendor and distribution
 * suffixes dropped: "v1.31.6-eks-ab12" -> "1.31.6", "5.15.0-1064-aws" -> "5.15.0",
 * "1.7.22~ds1" -> "1.7.22". At most major.minor.patch. Null when it does not start with a number.
 */
export function coreVersion(v: string | null | undefined): string | null {
  const m = /^v?(\d+(?:\.\d+){0,2})/.exec((v ?? '').trim());
  return m ? m[1]! : null;
}

export function compareVersions(a: string, b: string): number {
  const pa = semverOf(a);
  const pb = semverOf(b);
  if (!pa || !pb) throw new Error(`not a version: ${!pa ? a : b}`);
  return compare(pa, pb);
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
