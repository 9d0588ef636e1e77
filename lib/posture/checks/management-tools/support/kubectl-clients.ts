// kubectl versions seen in audit events' user agents, judged against the kubectl CVE table. Pure.
// kubectl names itself "kubectl/v1.26.1 (linux/amd64) kubernetes/8f94681" (client-go's
// DefaultUserAgent: the binary's name, its version, OS/arch, commit); on Windows the name is
// "kubectl.exe". The client sets this header itself: it says what a caller claims to run, not what
// it runs, so a finding is a lead to follow up with the person, not proof.
import type { DatedCveRow } from '../../../data/cve-row';
import { KUBECTL_CVES } from '../../../data/kubectl-cves';
import { inRanges, semverOf } from '../../../data/version';

const KUBECTL_AGENT = /^kubectl(?:\.exe)?\/v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)(?:\+[0-9A-Za-z.-]+)?(?:\s|$)/;

/** The kubectl release a user agent claims, or null when it is not kubectl's. */
export function kubectlVersionOf(userAgent: string): string | null {
  const m = KUBECTL_AGENT.exec(userAgent.trim());
  return m && semverOf(m[1]!) ? m[1]! : null;
}

/** Requests seen from one user agent (an audit aggregate: who sent them, how many, when). */
export interface UserAgentSeen {
  userAgent: string;
  count: number;
  users?: readonly string[];
  firstSeen?: string;
  lastSeen?: string;
}

export interface VulnerableKubectl {
  version: string;
  cves: DatedCveRow[];
  userAgents: string[];
  users: string[];
  count: number;
  firstSeen?: string;
  lastSeen?: string;
}

const earlier = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);

/** Every kubectl version among the user agents that has known CVEs, merged across agents (OS/arch differ), oldest first. */
export function vulnerableKubectlClients(seen: readonly UserAgentSeen[], rows: readonly DatedCveRow[] = KUBECTL_CVES): VulnerableKubectl[] {
  const byVersion = new Map<string, VulnerableKubectl>();
  for (const s of seen) {
    const version = kubectlVersionOf(s.userAgent);
    if (!version) continue;
    let v = byVersion.get(version);
    if (!v) {
      const cves = rows.filter((r) => inRanges(version, r.ranges));
      if (cves.length === 0) continue;
      byVersion.set(version, (v = { version, cves, userAgents: [], users: [], count: 0 }));
    }
    if (!v.userAgents.includes(s.userAgent)) v.userAgents.push(s.userAgent);
    for (const u of s.users ?? []) if (!v.users.includes(u)) v.users.push(u);
    v.count += s.count;
    v.firstSeen = earlier(v.firstSeen, s.firstSeen);
    v.lastSeen = later(v.lastSeen, s.lastSeen);
  }
  return [...byVersion.values()].sort((a, b) => semverOf(a.version)!.compare(semverOf(b.version)!));
}
