import type { Check } from '../../check';
import bindingToEveryone from './anonymous-bindings';
import apiServerAnonymousAuth from './apiserver-anonymous-auth';
import apiServerAuditLogging from './apiserver-audit-logging';
import apiServerAuthorizationMode from './apiserver-authorization-mode';
import apiServerInsecurePort from './apiserver-insecure-port';
import apiServerKubeletCertificates from './apiserver-kubelet-certificate-authority';
import apiServerTokenAuthFile from './apiserver-token-auth-file';
import legacyTokenSecret from './legacy-token-secret';
import tokenAutomountNotNeeded from './token-automount-not-needed';
import workloadDefaultServiceAccount from './workload-default-service-account';

export const authnAuthzChecks: readonly Check[] = [
  bindingToEveryone,
  apiServerAnonymousAuth,
  apiServerAuthorizationMode,
  apiServerTokenAuthFile,
  apiServerInsecurePort,
  apiServerKubeletCertificates,
  apiServerAuditLogging,
  legacyTokenSecret,
  tokenAutomountNotNeeded,
  workloadDefaultServiceAccount,
];
