// A detection is a check: its metadata beside its rule, findings from the hourly aggregates that
// reach its threshold, "not assessed" when no audit events reached kube-posture.
import type { Inventory } from '../../../../cluster/inventory';
import { defineCheck, notAssessed, type Check, type Reference } from '../../../check';
import type { AuditAggregate } from '../../../audit/aggregate';
import { reaches, type Detection, type DetectionRule } from '../../../audit/detection';
import { host, join, marked, msg, named, obj, prose, subject, type Message } from '../../../message';
import type { Severity } from '../../../types';

export type DetectionCheck = Check & { detection: Detection };

export const NO_AUDIT = 'no audit events reached kube-posture (scan with --audit-log FILE, or point the API server\'s audit webhook at it)';

/** Findings per detection, most frequent first: a noisy rule still leaves a readable page. */
export const MAX_FINDINGS = 100;

export const FALCO_RULES: Reference = { title: "Falco's Kubernetes audit rules (k8saudit plugin)", url: 'https://github.com/falcosecurity/plugins/tree/main/plugins/k8saudit/rules' };
export const ELASTIC_RULES: Reference = { title: "Elastic's Kubernetes detection rules", url: 'https://github.com/elastic/detection-rules/tree/main/rules/integrations/kubernetes' };
export const SIGMA_RULES: Reference = { title: 'Sigma Kubernetes audit rules', url: 'https://github.com/SigmaHQ/sigma/tree/main/rules/application/kubernetes/audit' };

export function defineDetection(d: {
  id: string;
  severity: Severity;
  title: string;
  remediation: string;
  references?: Reference[];
  rule: DetectionRule;
}): DetectionCheck {
  const check = defineCheck({
    id: d.id,
    area: 'api-abuse',
    severity: d.severity,
    title: d.title,
    remediation: d.remediation,
    needs: [],
    references: d.references,
    evaluate(inv) {
      if (!inv.audit || inv.audit.events === 0) return notAssessed(NO_AUDIT);
      return findingsOf(inv, d.id, d.rule);
    },
  });
  return Object.assign(check, { detection: { id: d.id, ...d.rule } });
}

function findingsOf(inv: Inventory, id: string, rule: DetectionRule) {
  const merged = new Map<string, AuditAggregate>();
  for (const r of inv.audit!.rows) {
    if (r.detection !== id || !reaches(rule, r)) continue;
    const k = `${r.actor.user}\u0000${r.actor.impersonated ?? ''}\u0000${r.object.kind}\u0000${r.object.namespace ?? ''}\u0000${r.object.name}`;
    const m = merged.get(k);
    if (!m) merged.set(k, { ...r, actor: { ...r.actor, sourceIPs: [...r.actor.sourceIPs] }, distinct: [...r.distinct] });
    else {
      m.count += r.count;
      if (r.firstSeen < m.firstSeen) m.firstSeen = r.firstSeen;
      if (r.lastSeen > m.lastSeen) m.lastSeen = r.lastSeen;
      for (const ip of r.actor.sourceIPs) if (!m.actor.sourceIPs.includes(ip)) m.actor.sourceIPs.push(ip);
      for (const x of r.distinct) if (!m.distinct.includes(x)) m.distinct.push(x);
    }
  }
  return [...merged.values()]
    .sort((a, b) => b.count - a.count || (a.firstSeen < b.firstSeen ? -1 : 1))
    .slice(0, MAX_FINDINGS)
    .map((r) => ({ resource: { kind: r.object.kind, namespace: r.object.namespace, name: r.object.name }, ...marked(describe(r)) }));
}

/** Who did what to which object, how often and when; what the client could have forged is said so. */
export function describe(r: AuditAggregate): Message {
  const a = r.actor;
  const who = a.impersonated ? msg`${subject(a.user)} (impersonating ${subject(a.impersonated)})` : msg`${subject(a.user)}`;
  const target = r.object.kind === 'User' || r.object.kind === 'ServiceAccount' && r.object.namespace === null ? msg`${subject(r.object.name)}` : named(r.object);
  const times = r.count === 1 ? msg`once, at ${prose(r.firstSeen)}` : msg`${r.count} times between ${prose(r.firstSeen)} and ${prose(r.lastSeen)}`;
  const distinct = r.distinct.length > 0 ? msg` (${r.distinct.length} distinct: ${join(r.distinct.slice(0, 10).map((x) => obj(x)))}${prose(r.distinct.length > 10 ? ', …' : '')})` : msg``;
  const groups = a.groups.length > 0 ? msg`; groups ${join(a.groups.map(subject))}` : msg``;
  const from = a.sourceIPs.length > 0 ? msg`; from ${join(a.sourceIPs.map(host))} (all but the last address can be set by the client)` : msg``;
  const agent = a.userAgent ? msg`; user agent ${obj(a.userAgent, 'UserAgent')} (set by the client)` : msg``;
  return msg`${who} ${prose(r.what)} ${target}${distinct}, ${times}${groups}${from}${agent}.`;
}
