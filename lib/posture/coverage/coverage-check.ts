// The one check each uncovered area has in common: is some tool covering it?
import { defineCheck, type Check } from '../check';
import { areaMeta } from '../areas';
import { clusterRef } from '../checks/helpers';
import { cluster, join, marked, msg, prose, unmarked } from '../message';
import type { AreaId, Severity } from '../types';
import { detectCoverage } from './detect';

/**
 * `title` says what is good ("A scanner covers …"), so the checks table reads "✓ Passed" plainly;
 * partial coverage is reported one step below `severity`.
 */
export function defineCoverageCheck(area: AreaId, severity: Severity, title: string, risk: string): Check {
  const meta = areaMeta(area);
  return defineCheck({
    id: `${area}.coverage`,
    area,
    severity,
    severityRange: [lower(severity), severity],
    title,
    remediation: `Install ${meta.coveredBy}.`,
    needs: ['customresourcedefinitions', 'pods'],
    evaluate(inv) {
      const cov = detectCoverage(inv)[area];
      if (!cov || cov.status === 'covered') return [];
      const partial = cov.status === 'partial';
      return [
        {
          resource: clusterRef(inv),
          severity: partial ? lower(severity) : severity,
          ...marked(
            partial
              ? msg`Only partly covered: ${join(
                  cov.tools.map((t) => msg`${prose(t.name)}, ${unmarked(t.role, t.names?.role ?? [])}, seen as ${unmarked(t.evidence, t.names?.evidence ?? [])}`),
                  '; ',
                )}. ${prose(risk)}`
              : msg`No known tool covers this area in cluster ${cluster(inv.cluster.name)}. ${prose(risk)} What would cover it: ${prose(meta.coveredBy ?? '')}.`,
          ),
        },
      ];
    },
  });
}

function lower(s: Severity): Severity {
  return s === 'critical' ? 'high' : s === 'high' ? 'medium' : s === 'medium' ? 'low' : s;
}
