import { defineCheck, ref } from '../../check';
import { host, marked, msg, named } from '../../message';

export default defineCheck({
  id: 'encryption.ingress-without-tls',
  area: 'encryption',
  severity: 'high',
  title: 'Ingresses serve over TLS',
  remediation: 'Add a spec.tls entry covering every host of the Ingress, with a certificate Secret (cert-manager can issue and renew it).',
  needs: ['ingresses'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => inv.objects.ingresses.map(ref),
  evaluate(inv) {
    return inv.objects.ingresses
      .filter((ing) => !Array.isArray(ing.spec?.tls) || ing.spec.tls.length === 0)
      .map((ing) => {
        const hosts = (Array.isArray(ing.spec?.rules) ? ing.spec.rules : [])
          .map((r: { host?: unknown }) => r?.host)
          .filter((h: unknown) => typeof h === 'string');
        return {
          resource: ref(ing),
          ...marked(msg`${named(ref(ing))} has no TLS section: ${hosts.length ? msg`${hosts.map((h: string) => host(h))}` : msg`its traffic`} is served over plain HTTP.`),
        };
      });
  },
});
