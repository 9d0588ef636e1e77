// wg-policy PolicyReports and ClusterPolicyReports (wgpolicyk8s.io v1alpha2), as Kyverno, the
// kube-bench adapter, Falco's policy-report output and others write them. Each result is filed
// under the area its category (or source) fits; results of native areas are left to their checks.
import type { Inventory } from '../../cluster/inventory';
import type { K8sObject } from '../../cluster/types';
import { defineCheck, notAssessed, ref, type Check, type RawFinding } from '../check';
import { workloadFor, workloadRef } from '../checks/helpers';
import type { AreaId, ResourceRef, Severity } from '../types';
import { SEVERITIES } from '../types';

export interface PolicyResult {
  report: K8sObject;
  source: string;
  policy: string;
  rule: string;
  category: string;
  severity: Severity | null;
  result: string;
  message: string;
  resources: { kind: string; name: string; namespace?: string; apiVersion?: string }[];
}

export function policyResults(inv: Inventory): PolicyResult[] {
  return [...inv.objects.policyreports, ...inv.objects.clusterpolicyreports].flatMap((report) => {
    const results = Array.isArray(report.results) ? (report.results as unknown[]) : [];
    const scope = report.scope as PolicyResult['resources'][number] | undefined;
    return results
      .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
      .map((r) => {
        const sev = String(r.severity ?? '').toLowerCase();
        const resources = Array.isArray(r.resources) ? (r.resources as PolicyResult['resources']) : scope?.kind ? [scope] : [];
        return {
          report,
          source: String(r.source ?? ''),
          policy: String(r.policy ?? '?'),
          rule: String(r.rule ?? ''),
          category: String(r.category ?? ''),
          severity: (SEVERITIES as readonly string[]).includes(sev) ? (sev as Severity) : null,
          result: String(r.result ?? ''),
          message: String(r.message ?? ''),
          resources: resources.filter((x) => x && typeof x.kind === 'string' && typeof x.name === 'string'),
        };
      });
  });
}

/** Which uncovered area a result belongs to, by its category, policy name and source; null for the others. */
export function areaOfResult(r: Pick<PolicyResult, 'source' | 'policy' | 'category'>): AreaId | null {
  const text = `${r.category} ${r.policy}`;
  if (/pod security|network ?polic|rbac/i.test(r.category)) return null;
  if (/regist|signature|signed|verify-?image|supply.?chain|cosign|sigstore|notary|image.?tag|latest.?tag|digest/i.test(text)) return 'registry-security';
  if (/vulnerab|\bcve\b/i.test(text)) return 'image-vulnerabilities';
  if (/^(falco|tetragon|tracee)/i.test(r.source) || /runtime|threat detection/i.test(text)) return 'runtime-security';
  if (/kube-?bench/i.test(r.source) || /\bCIS\b|worker node|kubelet|host security|node configuration/i.test(text)) return 'host-security';
  return null;
}

export function resultsInArea(inv: Inventory, area: AreaId): PolicyResult[] {
  return policyResults(inv).filter((r) => areaOfResult(r) === area);
}

function resourceRefs(inv: Inventory, r: PolicyResult): ResourceRef[] {
  if (r.resources.length === 0) return [ref(r.report)];
  return r.resources.map((x) => {
    const w = x.namespace ? workloadFor(inv, x.kind, x.namespace, x.name) : undefined;
    return w ? workloadRef(w) : { kind: x.kind, namespace: x.namespace ?? null, name: x.name, apiVersion: x.apiVersion };
  });
}

export function definePolicyReportCheck(area: AreaId, what: string): Check {
  return defineCheck({
    id: `${area}.policy-report-failures`,
    area,
    severity: 'medium',
    severityRange: ['info', 'critical'], // the result's own severity (medium when it has none); a warning is low
    title: `Policy report shows failed ${what} rules`,
    remediation:
      'Fix the object as the policy message says, or, if the rule does not apply, record an exception in the policy engine rather than ignoring the report.',
    needs: ['policyreports', 'clusterpolicyreports'],
    examines: (inv) => resultsInArea(inv, area).flatMap((r) => resourceRefs(inv, r)),
    evaluate(inv) {
      if (inv.objects.policyreports.length + inv.objects.clusterpolicyreports.length === 0)
        return notAssessed('no PolicyReports or ClusterPolicyReports in the cluster');
      const results = resultsInArea(inv, area);
      if (results.length === 0) return notAssessed(`no PolicyReport result is about ${what}`);
      return results
        .filter((r) => r.result === 'fail' || r.result === 'error' || r.result === 'warn')
        .flatMap((r): RawFinding[] =>
          resourceRefs(inv, r).map((resource) => ({
            resource,
            severity: r.result === 'warn' ? 'low' : (r.severity ?? 'medium'),
            message: `${r.source || 'A policy engine'} reports ${r.result} for ${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name} on ${r.policy}${r.rule ? `/${r.rule}` : ''}${r.message ? `: ${r.message}` : ''} (${r.report.kind} ${r.report.metadata.namespace ? `${r.report.metadata.namespace}/` : ''}${r.report.metadata.name}).`,
          })),
        );
    },
  });
}
