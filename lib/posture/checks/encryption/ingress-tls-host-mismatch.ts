import type { K8sObject } from '../../../cluster/types';
import { defineCheck, ref } from '../../check';
import { host, marked, msg, named } from '../../message';

/** A TLS host covers a rule host when equal, or as `*.example.com` for exactly one more label. */
export function tlsCovers(tlsHost: string, host: string): boolean {
  const t = tlsHost.toLowerCase();
  const h = host.toLowerCase();
  if (t === h) return true;
  if (!t.startsWith('*.')) return false;
  const dot = h.indexOf('.');
  return dot > 0 && !h.slice(0, dot).includes('*') && h.slice(dot + 1) === t.slice(2);
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);
const tlsEntries = (ing: K8sObject): { hosts?: unknown }[] => (Array.isArray(ing.spec?.tls) ? ing.spec.tls : []);

export default defineCheck({
  id: 'encryption.ingress-tls-host-mismatch',
  area: 'encryption',
  severity: 'high',
  title: "Ingress TLS hosts cover every rule's host",
  remediation: `List every rule host under spec.tls (a wildcard covers one label: *.example.com covers api.example.com, not a.b.example.com),
with a certificate valid for it:
  spec:
    tls:
      - hosts: [api.example.com]
        secretName: api-example-com-tls`,
  needs: ['ingresses'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  // Ingresses without any TLS section are ingress-without-tls's; this one reads those that have one.
  examines: (inv) => inv.objects.ingresses.filter((i) => tlsEntries(i).length > 0).map(ref),
  evaluate(inv) {
    return inv.objects.ingresses.flatMap((ing) => {
      const entries = tlsEntries(ing);
      if (entries.length === 0) return [];
      // An entry without hosts takes the controller's default (wildcard) certificate: we cannot tell what it covers.
      if (entries.some((e) => strings(e?.hosts).length === 0)) return [];
      const tlsHosts = entries.flatMap((e) => strings(e.hosts));
      const ruleHosts = [...new Set((Array.isArray(ing.spec?.rules) ? ing.spec.rules : []).map((r: { host?: unknown }) => r?.host))].filter(
        (h): h is string => typeof h === 'string' && h !== '',
      );
      const uncovered = ruleHosts.filter((h) => !tlsHosts.some((t) => tlsCovers(t, h)));
      if (uncovered.length === 0) return [];
      return [
        {
          resource: ref(ing),
          ...marked(
            msg`${named(ref(ing))} routes ${uncovered.map(host)} but its TLS hosts (${tlsHosts.map(host)}) do not cover ${
              uncovered.length === 1 ? msg`it` : msg`them`
            }: that traffic gets plain HTTP or the controller's default certificate.`,
          ),
        },
      ];
    });
  },
});
