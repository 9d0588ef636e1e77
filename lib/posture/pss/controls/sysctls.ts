import type { Control } from '../types';
import { isObj, list, podSecurityContext, quoted, show, sortedUnique } from '../read';

// Safe (namespaced) sysctls, by the policy minor that allowed them.
const ADDED: readonly [number, readonly string[]][] = [
  [
    0,
    ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'],
  ],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
  [37, ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat']],
];

const allowedAt = new Map<number, ReadonlySet<string>>();

/** Per minor, built once: every workload's pod is evaluated against it. */
export function allowedSysctls(minor: number): ReadonlySet<string> {
  let s = allowedAt.get(minor);
  if (!s) allowedAt.set(minor, (s = new Set(ADDED.filter(([since]) => minor >= since).flatMap(([, names]) => names))));
  return s;
}

const sysctls: Control = {
  id: 'sysctls',
  slug: 'sysctls',
  level: 'baseline',
  title: 'Unsafe sysctls',
  versions: ADDED.map(([since]) => since),
  evaluate(_meta, spec, minor) {
    const set = list(podSecurityContext(spec)?.sysctls);
    if (set.length === 0) return null;
    const allowed = allowedSysctls(minor);
    const bad: string[] = [];
    const paths: string[] = [];
    set.forEach((s, i) => {
      const name = isObj(s) ? s.name : s;
      if (typeof name === 'string' && allowed.has(name)) return;
      bad.push(show(name ?? ''));
      paths.push(`spec.securityContext.sysctls[${i}].name`);
    });
    if (!bad.length) return null;
    return { control: 'sysctls', level: 'baseline', reason: 'forbidden sysctls', detail: quoted(sortedUnique(bad)), paths };
  },
};

export default sysctls;
