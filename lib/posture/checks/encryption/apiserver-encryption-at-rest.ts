import { defineCheck } from '../../check';
import { evaluateApiServers, examinesApiServers, flag } from '../authn-authz/support/apiserver-flags';

export default defineCheck({
  id: 'encryption.apiserver-encryption-at-rest',
  area: 'encryption',
  severity: 'high',
  title: 'Secrets are encrypted at rest in etcd',
  remediation: `Write an EncryptionConfiguration (kms v2, or aescbc/secretbox with a key kept off etcd's disk) for secrets and
pass it to the kube-apiserver, then rewrite existing Secrets so they are stored encrypted:
  spec.containers[0].command:
    - --encryption-provider-config=/etc/kubernetes/enc/encryption-config.yaml
  # then: kubectl get secrets -A -o json | kubectl replace -f -`,
  needs: ['pods'],
  examines: examinesApiServers,
  evaluate: (inv) =>
    evaluateApiServers(inv, (cmd, name) =>
      flag(cmd, 'encryption-provider-config')
        ? null
        : {
            message: `${name} sets no --encryption-provider-config: Secrets are written to etcd unencrypted, so anyone with an etcd backup or the etcd data directory reads them.`,
          },
    ),
});
