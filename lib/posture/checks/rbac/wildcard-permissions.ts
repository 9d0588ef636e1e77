import { defineCheck, type RawFinding } from '../../check';
import { isBootstrapGrant, rbacModel } from '../../rbac/model';
import { describeRule, isSuperuserRule } from '../../rbac/rules';
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
} from './support/dangerous-permission';

// '*' grants today's and every future verb or resource (CIS 5.1.3). Bindings to cluster-admin itself
// are rbac.binds-cluster-admin's; this catches the same power under another name, and partial wildcards.
export default defineCheck({
  id: 'rbac.wildcard-permissions',
  references: [{ title: 'CIS Kubernetes Benchmark 5.1.3' }],
  area: 'rbac',
  severity: 'high',
  title: "Binding grants '*' verbs or resources",
  remediation: `List the verbs and resources the subject needs in the role's rules instead of '*'; '*' also grants every resource and verb added later:
\`\`\`yaml
rules:
- apiGroups: [apps]
  resources: [deployments]
  verbs: [get, list, watch, update, patch]
\`\`\``,
  needs: ['clusterrolebindings', 'rolebindings', 'clusterroles', 'roles'],
  examines: examinedBindings,
  evaluate(inv) {
    const uses = serviceAccountUse(inv);
    const byBinding = new Map<string, RawFinding & { subjects: string[] }>();
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
        message: `${g.binding.kind} ${g.binding.name} lets ${subjects.join(', ')} ${wild.map((r) => describeRule(r.rule)).join('; ')} ${scopePhrase(g.scope)}, through ${rolePhrase(g, [{ phrase: '', rules: wild }])}.`,
      });
    }
    return [...byBinding.values()].map(({ subjects: _s, ...f }) => f);
  },
});
