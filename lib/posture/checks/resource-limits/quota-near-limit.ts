import { defineCheck, notAssessed, ref, type RawFinding } from '../../check';
import { marked, msg, named, prose } from '../../message';
import { quotaUsage, USAGE_THRESHOLD } from '../../resources/quota-usage';

export default defineCheck({
  id: 'resource-limits.quota-near-limit',
  area: 'resource-limits',
  severity: 'low',
  title: 'ResourceQuota nearly used up',
  remediation: `Raise the quota's spec.hard for the resources named, or free capacity (scale down, delete finished objects), before new pods are refused:
\`\`\`yaml
spec:
  hard:
    requests.cpu: "8"     # raise the exhausted entries
    pods: "40"
\`\`\``,
  needs: ['resourcequotas'],
  examines: (inv) => inv.objects.resourcequotas.filter((q) => quotaUsage(q) !== null).map(ref),
  evaluate(inv) {
    const quotas = inv.objects.resourcequotas;
    const usages = quotas.map((q) => ({ q, usage: quotaUsage(q) }));
    if (quotas.length > 0 && usages.every((u) => u.usage === null)) {
      return notAssessed('No ResourceQuota carries status.used (offline manifests hold only spec), so usage cannot be compared with the quota.');
    }
    return usages.flatMap(({ q, usage }): RawFinding[] => {
      const name = named(ref(q));
      if (usage === null) {
        return [{ resource: ref(q), severity: 'info', ...marked(msg`${name} has no status.used, so how much of it is used could not be examined.`) }];
      }
      const near = usage.filter((u) => u.ratio >= USAGE_THRESHOLD);
      if (near.length === 0) return [];
      const full = near.some((u) => u.ratio >= 1);
      const list = near.map((u) => `${u.resource} ${u.used} of ${u.hard} (${Math.round(u.ratio * 100)}%)`).join(', ');
      return [
        {
          resource: ref(q),
          severity: full ? 'medium' : 'low',
          // Resource names (requests.cpu, count/deployments.apps) are types, not objects.
          ...marked(
            msg`${name} is ${prose(full ? 'exhausted' : 'nearly used up')}: ${prose(list)}. ${prose(full ? 'New pods or objects counted by it are refused now.' : 'New pods or objects counted by it will soon be refused.')}`,
          ),
        },
      ];
    });
  },
});
