import { defineCheck, ref } from '../../check';
import { marked, msg, named, prose, subject } from '../../message';

// Set on every kubernetes.io/service-account-token Secret (the API requires it); Secrets are
// read as metadata only, so this annotation, not the type, is what we can see.
const SA_ANNOTATION = 'kubernetes.io/service-account.name';
const LAST_USED = 'kubernetes.io/legacy-token-last-used';
const INVALID_SINCE = 'kubernetes.io/legacy-token-invalid-since';

export default defineCheck({
  id: 'authn-authz.legacy-token-secret',
  area: 'authn-authz',
  severity: 'medium',
  title: 'Long-lived ServiceAccount token Secret',
  remediation: `Replace the Secret with short-lived tokens: a projected serviceAccountToken volume for pods, or
\`kubectl create token <serviceaccount> --duration=1h\` for clients outside the cluster. Then delete the Secret
(kubectl delete secret <name> -n <namespace>); its token stops working at once.`,
  needs: ['secrets'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => inv.objects.secrets.filter((s) => s.metadata.annotations?.[SA_ANNOTATION]).map(ref),
  evaluate(inv) {
    return inv.objects.secrets.flatMap((s) => {
      const sa = s.metadata.annotations?.[SA_ANNOTATION];
      if (!sa) return [];
      const labels = s.metadata.labels ?? {};
      const where = named({ kind: 'Secret', namespace: s.metadata.namespace, name: s.metadata.name });
      if (labels[INVALID_SINCE]) {
        return [
          {
            resource: ref(s),
            severity: 'low' as const,
            ...marked(msg`${where} holds a legacy token for ServiceAccount ${subject(sa)}, invalidated since ${prose(labels[INVALID_SINCE])}: delete it.`),
          },
        ];
      }
      const used = labels[LAST_USED] ? msg` It was last used on ${prose(labels[LAST_USED])}.` : msg``;
      return [
        {
          resource: ref(s),
          ...marked(msg`${where} holds a never-expiring token for ServiceAccount ${subject(sa)}: anyone who copied it keeps the ServiceAccount's rights until the Secret is deleted.${used}`),
        },
      ];
    });
  },
});
