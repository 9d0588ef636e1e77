import { defineCheck } from '../../check';
import { evaluateApiServers, examinesApiServers, flagList } from '../authn-authz/support/apiserver-flags';

// CIS 1.2.29's strong suites (checks catalogue §3.1); Kubescape C-0277 denies CBC, RC4, 3DES and RSA key exchange.
const STRONG = new Set([
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
]);
const BROKEN = /_CBC_|RC4|3DES|_NULL_|EXPORT/;

export default defineCheck({
  id: 'encryption.apiserver-tls-cipher-suites',
  references: [{ title: 'CIS Kubernetes Benchmark 1.2.29' }, { title: 'Kubescape C-0277' }],
  area: 'encryption',
  severity: 'high',
  title: 'kube-apiserver allows weak TLS cipher suites',
  remediation: `List only AEAD suites with forward secrecy:
  spec.containers[0].command:
    - --tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256`,
  needs: ['pods'],
  examines: examinesApiServers,
  evaluate: (inv) =>
    evaluateApiServers(inv, (cmd, name) => {
      // Unset: Go's default suites, which leave out RC4 and, in recent Go releases, RSA key exchange and 3DES.
      const weak = flagList(cmd, 'tls-cipher-suites').filter((s) => !STRONG.has(s));
      if (weak.length === 0) return null;
      const broken = weak.filter((s) => BROKEN.test(s));
      return {
        severity: broken.length ? 'high' : 'medium',
        message: `${name} allows ${weak.join(', ')} in --tls-cipher-suites: ${
          broken.length ? 'CBC, RC4 and 3DES suites are open to known attacks (Lucky13, SWEET32, RC4 biases)' : 'RSA key exchange gives no forward secrecy'
        }.`,
      };
    }),
});
