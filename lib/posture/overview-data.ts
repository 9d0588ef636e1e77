// What the overview shows, cut from a posture document: everything but the findings (their
// counts and the top risks instead) and the namespaces (the worst few, for the chart). At
// 50,000 pods the document is tens of megabytes; the overview needs a few kilobytes, and
// sending the rest into every page's HTML made the overview take seconds.
import { countBySeverity } from './scoring';
import { topRisks } from './top-risks';
import { compareNamespacesWorstFirst } from './namespace-list';
import { isOpen, type Finding, type NamespaceSummary, type PostureDocument, type SeverityCounts } from './types';

/** Namespaces in the overview's score chart: the worst ones; the namespaces page has them all. */
export const WORST_SHOWN = 12;
/** Top risks on the overview: enough to say what to fix first and leave the area cards in view; /attack-paths and /findings list them all. */
export const TOP_RISKS_SHOWN = 5;

export interface OverviewData extends Omit<PostureDocument, 'findings' | 'namespaces'> {
  topRisks: Finding[];
  findingCounts: SeverityCounts;
  findingTotal: number;
  /** Findings left out as by design or accepted. */
  triagedTotal: number;
  /** The WORST_SHOWN lowest-scoring namespaces, worst first. */
  worstNamespaces: NamespaceSummary[];
}

// Documents are never changed in place: one cut per document, shared by every viewer of it.
const cache = new WeakMap<PostureDocument, OverviewData>();

export function overviewData(doc: PostureDocument): OverviewData {
  let d = cache.get(doc);
  if (!d) {
    const { findings, namespaces, ...rest } = doc;
    const open = findings.filter(isOpen);
    d = {
      ...rest,
      topRisks: topRisks(open, TOP_RISKS_SHOWN, doc.attackPaths?.fixFirst),
      findingCounts: countBySeverity(open),
      findingTotal: open.length,
      triagedTotal: findings.length - open.length,
      worstNamespaces: [...namespaces].sort(compareNamespacesWorstFirst).slice(0, WORST_SHOWN),
    };
    cache.set(doc, d);
  }
  return d;
}
