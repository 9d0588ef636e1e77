import type { Check } from '../../check';
import bindingToEveryone from './binding-to-everyone';
import apiServerAdmissionPlugins from './apiserver-admission-plugins';
import apiServerAnonymousAuth from './apiserver-anonymous-auth';
import apiServerAuditLogging from './apiserver-audit-logging';
import apiServerAuthorizationMode from './apiserver-authorization-mode';
import apiServerInsecurePort from './apiserver-insecure-port';
import apiServerKubeletCertificates from './apiserver-kubelet-certificates';
import apiServerTokenAuthFile from './apiserver-token-auth-file';
import controlPlaneBindAddress from './control-plane-bind-address';
import controlPlaneProfiling from './control-plane-profiling';
import controllerManagerServiceAccountCredentials from './controller-manager-service-account-credentials';
import legacyTokenSecret from './legacy-token-secret';
import secretInEnvironment from './secret-in-environment';
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
  apiServerAdmissionPlugins,
  controlPlaneProfiling,
  controlPlaneBindAddress,
  controllerManagerServiceAccountCredentials,
  legacyTokenSecret,
  secretInEnvironment,
  tokenAutomountNotNeeded,
  workloadDefaultServiceAccount,
];
