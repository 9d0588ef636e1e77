import type { K8sObject } from '../../../cluster/types';
import { defineCheck, ref } from '../../check';

// cert-manager's cainjector fills caBundle from a Certificate, a Secret or the API server's CA.
const INJECT_ANNOTATIONS = ['cert-manager.io/inject-ca-from', 'cert-manager.io/inject-ca-from-secret', 'cert-manager.io/inject-apiserver-ca'];

interface Webhook {
  name?: unknown;
  clientConfig?: { caBundle?: unknown; url?: unknown; service?: { name?: unknown; namespace?: unknown } };
}

const configs = (inv: { objects: { validatingwebhookconfigurations: K8sObject[]; mutatingwebhookconfigurations: K8sObject[] } }) => [
  ...inv.objects.validatingwebhookconfigurations,
  ...inv.objects.mutatingwebhookconfigurations,
];

export default defineCheck({
  id: 'encryption.webhook-without-ca-bundle',
  area: 'encryption',
  severity: 'medium',
  title: 'Admission webhooks carry a CA bundle to verify their certificates',
  remediation: `Give the webhook the CA that signed its serving certificate, in webhooks[].clientConfig.caBundle (base64 PEM),
or let cert-manager inject it:
  metadata:
    annotations:
      cert-manager.io/inject-ca-from: <namespace>/<certificate>`,
  needs: ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'],
  examines: (inv) => configs(inv).map(ref),
  evaluate(inv) {
    return configs(inv).flatMap((cfg) => {
      const annotations = cfg.metadata.annotations ?? {};
      if (INJECT_ANNOTATIONS.some((a) => annotations[a])) return [];
      const hooks: Webhook[] = Array.isArray(cfg.webhooks) ? cfg.webhooks : [];
      const bare = hooks.filter((h) => !(typeof h?.clientConfig?.caBundle === 'string' && h.clientConfig.caBundle !== ''));
      if (bare.length === 0) return [];
      const byService = bare.filter((h) => h.clientConfig?.service);
      const names = bare.map((h) => (typeof h.name === 'string' ? h.name : '?')).join(', ');
      const who = `${cfg.kind} ${cfg.metadata.name} (${names})`;
      if (byService.length > 0) {
        return [
          {
            resource: ref(cfg),
            message: `${who} calls an in-cluster Service with no caBundle and no cert-manager injection: the API server checks the certificate against public roots, which cannot sign a *.svc name, so the calls fail (or are skipped, with failurePolicy: Ignore) unless something patches the bundle in at run time.`,
          },
        ];
      }
      return [
        {
          resource: ref(cfg),
          severity: 'low' as const,
          message: `${who} calls a URL with no caBundle: its certificate is checked against the API server's system roots, so any public CA can vouch for it.`,
        },
      ];
    });
  },
});
