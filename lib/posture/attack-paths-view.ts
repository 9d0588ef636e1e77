// One viewer's share of the attack paths: the paths that start in their namespaces, with every step
// outside them named by kind only (and how it leads on, in general words). Counts are those of their
// namespaces' footholds; the fix-first list keeps only changes to objects in their namespaces. Pure.
import { pathText } from './attack-paths/paths';
import { ATTACK_TARGETS, type AttackPath, type AttackPathsSummary, type AttackStep, type AttackTarget } from './types';

const GENERIC_VIA = 'leads on';

export function restrictAttackPaths(summary: AttackPathsSummary, allowed: Iterable<string>): AttackPathsSummary {
  const visible = new Set(allowed);
  const inside = (s: AttackStep) => s.namespace !== null && visible.has(s.namespace);
  const restrict = (p: AttackPath): AttackPath => {
    const steps = p.steps.map((s, i): AttackStep => {
      const nextInside = i + 1 < p.steps.length && inside(p.steps[i + 1]!);
      const via = s.via === undefined ? {} : { via: inside(s) && nextInside ? s.via : GENERIC_VIA };
      const possible = s.possible ? { possible: true as const } : {};
      if (inside(s)) return { ...s, ...via };
      return { kind: s.kind, namespace: null, text: s.kind === 'Capability' ? 'a capability' : s.kind, ...via, ...possible };
    });
    return { ...p, steps, text: pathText(steps) };
  };
  const startsInside = (p: AttackPath) => inside(p.steps[0]!);
  const paths = summary.paths.filter(startsInside).map(restrict);
  const byNamespace = Object.fromEntries(Object.entries(summary.byNamespace).filter(([ns]) => visible.has(ns)));
  const counts = Object.fromEntries(ATTACK_TARGETS.map((t) => [t, 0])) as Record<AttackTarget, number>;
  for (const c of Object.values(byNamespace)) for (const t of ATTACK_TARGETS) counts[t] += c[t] ?? 0;
  return {
    counts,
    byNamespace,
    footholds: 0, // not split by namespace in the document
    // A fix's sample path is kept only when it starts in their namespaces too.
    fixFirst: summary.fixFirst
      .filter((f) => f.object.namespace !== null && visible.has(f.object.namespace))
      .map(({ path, ...f }) => (path && startsInside(path) ? { ...f, path: restrict(path) } : f)),
    paths,
    ...(summary.incomplete ? { incomplete: summary.incomplete } : {}),
  };
}
