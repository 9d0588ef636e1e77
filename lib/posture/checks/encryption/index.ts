import type { Check } from '../../check';
import apiServerEncryptionAtRest from './apiserver-encryption-at-rest';
import apiServerEtcdTls from './apiserver-etcd-tls';
import apiServerTlsCipherSuites from './apiserver-tls-cipher-suites';
import apiServerTlsMinVersion from './apiserver-tls-min-version';
import etcdClientCertAuth from './etcd-client-cert-auth';
import ingressTlsHostMismatch from './ingress-tls-host-mismatch';
import ingressWithoutTls from './ingress-without-tls';
import serviceMeshMtls from './service-mesh-mtls';
import servicePlainHttp from './service-plain-http';
import webhookWithoutCaBundle from './webhook-without-ca-bundle';

export const encryptionChecks: readonly Check[] = [
  ingressWithoutTls,
  ingressTlsHostMismatch,
  servicePlainHttp,
  apiServerEncryptionAtRest,
  apiServerTlsMinVersion,
  apiServerTlsCipherSuites,
  apiServerEtcdTls,
  etcdClientCertAuth,
  webhookWithoutCaBundle,
  serviceMeshMtls,
];
