import { vCap } from '../context';
import { edgeFor, own } from './held';
import type { PermissionEdge } from './types';

export default {
  id: 'admission-webhooks',
  title: 'edits mutating admission',
  precondition:
    'create/update/patch on mutatingwebhookconfigurations or mutatingadmissionpolicies cluster-wide: it rewrites every pod created from then on (any ServiceAccount, privileged). Possible only: it needs a webhook server the API server reaches, or the MutatingAdmissionPolicy feature, and someone creating pods. Validating admission is left out: it rejects, it cannot grant',
  plant(ctx, h) {
    for (const a of own(h, 'webhook-write'))
      if (a.scope === '*') edgeFor(ctx, h, vCap(ctx, 'run', '*'), this.id, a, 'can make mutating admission rewrite every new pod', true);
  },
} satisfies PermissionEdge;
