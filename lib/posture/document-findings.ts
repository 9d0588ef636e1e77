// The document's findings: every check's, sorted as compareFindings sorts them, marked by triage
// and with their counts of attack paths. Each check's list is kept with the triage and analysis it
// was made under, so after a watched change only the findings in the namespaces triage marked
// again (the changed ones, and those a check re-ran on) are copied anew; marking and copying all
// 50,000 findings on each change was a fifth of an update. Pure.
import { aggregatesOf, applyEdits, derivationOf, findingsInNamespace, positionIn } from './check-aggregates';
import { refKey } from './object-keys';
import type { Evaluated } from './engine';
import { severityRank } from './scoring';
import { markSorted } from './sorted-findings';
import type { TriageCarry, Triaged } from './triage/apply';
import { SEVERITIES, type Finding } from './types';

interface Listed {
  /** Aligned with the check's sorted findings (check-aggregates.ts). */
  list: Finding[];
  through: ReadonlyMap<string, number> | null;
  /** The triage carry of the document the list is in. */
  carry: TriageCarry | undefined;
}

const listed = new WeakMap<Evaluated, Listed>();

/** `through`: the attack analysis's paths through each object, or null without one. */
export function documentFindings(documented: readonly Evaluated[], triaged: Triaged, through: ReadonlyMap<string, number> | null): Finding[] {
  const lists = documented.map((e) => {
    const list = listOf(e, triaged, through);
    listed.set(e, { list, through, carry: triaged.carry });
    return list;
  });
  return markSorted(interleaved(documented, lists));
}

function listOf(e: Evaluated, triaged: Triaged, through: ReadonlyMap<string, number> | null): Finding[] {
  const sorted = aggregatesOf(e).sorted;
  const fresh = (f: Finding) => withPaths(triaged.decorate(f), through);
  const redo = triaged.remarked(e);
  const from = listed.has(e) ? e : derivationOf(e)?.from;
  const base = redo && from && listed.get(from);
  if (!base || base.carry !== triaged.previousCarry || base.through !== through) return sorted.map(fresh);
  const edits = from === e ? undefined : derivationOf(e)?.edits;
  // Many findings to mark again (a big namespace): one walk beats a binary search for each.
  let marked = 0;
  for (const ns of redo) marked += findingsInNamespace(e, ns).length;
  if ((from !== e && !edits) || (marked - (edits?.added.length ?? 0)) * 16 > sorted.length) return walked(e, from, base.list, redo, fresh);
  // The last list edited as the sorted findings were (check-aggregates.ts), then the findings
  // triage marked again put where they lie: slices and binary searches, not a walk of 50,000.
  const added = new Set(edits?.added);
  let list = edits ? applyEdits(base.list, edits, edits.added.map(fresh)) : null;
  for (const ns of redo) {
    for (const f of findingsInNamespace(e, ns)) {
      if (added.has(f)) continue;
      const i = positionIn(sorted, f);
      if (i < 0) return walked(e, from, base.list, redo, fresh);
      list ??= base.list.slice();
      list[i] = fresh(f);
    }
  }
  return list ?? base.list;
}

/** The list walked finding by finding: the findings in `redo` marked afresh, the others as in `from`'s list. */
function walked(e: Evaluated, from: Evaluated, list: readonly Finding[], redo: ReadonlySet<string>, fresh: (f: Finding) => Finding): Finding[] {
  const sorted = aggregatesOf(e).sorted;
  const redone = new Set<Finding>();
  for (const ns of redo) for (const f of findingsInNamespace(e, ns)) redone.add(f);
  // The others are the same findings, in the same order, as in the list `list` is of.
  const old = aggregatesOf(from).sorted;
  const out: Finding[] = [];
  let j = 0;
  for (const f of sorted) {
    if (redone.has(f)) out.push(fresh(f));
    else {
      while (j < old.length && old[j] !== f) j++;
      if (j === old.length) return sorted.map(fresh);
      out.push(list[j++]!);
    }
  }
  return out;
}

function withPaths(f: Finding, through: ReadonlyMap<string, number> | null): Finding {
  const n = through?.get(refKey(f.resource));
  return n ? { ...f, paths: n } : f;
}

/**
 * All lists in compareFindings order without sorting them all: that order is severity first,
 * then area and check, so it is each severity's findings of each check in turn, each check's
 * already sorted. Gives exactly what sorting the concatenation gives (the sort is stable).
 */
function interleaved(documented: readonly Evaluated[], lists: Finding[][]): Finding[] {
  const byCheck = documented
    .map((e, i) => ({ e, i, list: lists[i]!, ends: severityEnds(aggregatesOf(e).sorted) }))
    .filter((c) => c.list.length > 0)
    .sort((a, b) => collate(a.e.check.area, b.e.check.area) || collate(a.e.check.id, b.e.check.id) || a.i - b.i);
  const out: Finding[] = [];
  for (let r = 0; r < RANKED.length; r++) {
    for (const { list, ends } of byCheck) for (let i = r === 0 ? 0 : ends[r - 1]!; i < ends[r]!; i++) out.push(list[i]!);
  }
  return out;
}

const RANKED = [...SEVERITIES].sort((x, y) => severityRank(x) - severityRank(y));

/** Where each severity's run ends in a sorted list (severity first), by binary search: the raw findings' few shapes, not the marked copies' many. */
function severityEnds(sorted: readonly Finding[]): number[] {
  return RANKED.map((s) => {
    const rank = severityRank(s);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (severityRank(sorted[mid]!.severity) <= rank) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
}

const collate = new Intl.Collator().compare;
