import { defineCheck, type RawFinding } from '../../check';
import { isBootstrapGrant, rbacModel } from '../../rbac/model';
import { join, marked, msg, named, obj, prose, type Message } from '../../message';
import { describeRule, isSuperuserRule, type PolicyRule } from '../../rbac/rules';
import { SEVERITIES } from '../../types';
import {
  bindingRef,
  examinedBindings,
  isKubernetesItself,
  rolePhrase,
  scopePhrase,
  serviceAccountUse,
  subjectLabel,
  subjectSeverity,
  weightedRange,
} from './support/dangerous-permission';

// '*' grants today's and every future verb or resource (CIS 5.1.3). Bindings to cluster-admin itself
// are rbac.binds-cluster-admin's; this catches the same power under another name, and partial wildcards.
export default defineCheck({
  id: 'rbac.wildcard-permissions',
  references: [{ title: 'CIS Kubernetes Benchmark 5.1.3' }],
  area: 'rbac',
  severity: 'high',
  severityRange: weightedRange('high', 'critical'), // high, critical for '*' on '*', then weighted by subject
  title: "Binding grants '*' verbs or resources",
  remediation: `List the verbs and resources the subject needs in the role's rules instead of '*'; '*' also grants every resource and verb added later:
\`\`\`yaml
rules:
- apiGroups: [apps]
  resources: [deployments]
  verbs: [get, list, watch, update, patch]
\`\`\``,
  needs: ['clusterrolebindings', 'rolebindings', 'clusterroles', 'roles'],
  scope: 'binding',
  examines: examinedBindings,
  evaluate(inv) {
    const uses = serviceAccountUse(inv);
    const byBinding = new Map<string, RawFinding & { subjects: Message[] }>();
    for (const g of rbacModel(inv).grants) {
      if (isBootstrapGrant(g) || isKubernetesItself(g.subject, g)) continue;
      if (g.role.kind === 'ClusterRole' && g.role.name === 'cluster-admin') continue;
      const wild = g.rules.filter((r) => r.rule.verbs.includes('*') || r.rule.resources.includes('*'));
      if (wild.length === 0) continue;
      // Everything on everything is cluster-admin (critical); a wildcard on one axis is high.
      const base = wild.some((r) => isSuperuserRule(r.rule)) ? 'critical' : 'high';
      const severity = subjectSeverity(base, g, g.subject, uses);
      const key = `${g.binding.kind}/${g.binding.namespace}/${g.binding.name}`;
      const prev = byBinding.get(key);
      const subjects = [...(prev?.subjects ?? []), subjectLabel(g.subject, uses)];
      const worst = prev && SEVERITIES.indexOf(prev.severity!) < SEVERITIES.indexOf(severity) ? prev.severity! : severity;
      byBinding.set(key, {
        resource: bindingRef(g),
        severity: worst,
        subjects,
        ...marked(
          msg`${named({ kind: g.binding.kind, name: g.binding.name })} lets ${subjects} ${join(wild.map((r) => ruleWords(r.rule)), '; ')} ${scopePhrase(g.scope)}, through ${rolePhrase(g, [{ phrase: '', rules: wild }])}.`,
        ),
      });
    }
    return [...byBinding.values()].map(({ subjects: _s, ...f }) => f);
  },
});

/** describeRule's words, with the objects a rule names (resourceNames) marked as names. */
function ruleWords(rule: PolicyRule): Message {
  if (rule.resourceNames.length === 0 || rule.nonResourceURLs.length) return msg`${prose(describeRule(rule))}`;
  const [before, after] = describeRule({ ...rule, resourceNames: [] }).split(' in ', 2) as [string, string];
  return msg`${prose(before)} named ${join(rule.resourceNames.map((n) => obj(n)), ',')} in ${prose(after)}`;
}
