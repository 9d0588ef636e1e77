// The registry is the list of check files, gathered per area in each area's index.ts;
// nothing else knows which checks exist.
import type { Check } from './check';
import { apiAbuseChecks } from './checks/api-abuse/index';
import { authnAuthzChecks } from './checks/authn-authz/index';
import { encryptionChecks } from './checks/encryption/index';
import { hostSecurityChecks } from './checks/host-security/index';
import { imageVulnerabilitiesChecks } from './checks/image-vulnerabilities/index';
import { managementToolsChecks } from './checks/management-tools/index';
import { podSecurityChecks } from './checks/pod-security/index';
import { rbacChecks } from './checks/rbac/index';
import { registrySecurityChecks } from './checks/registry-security/index';
import { resourceLimitsChecks } from './checks/resource-limits/index';
import { runtimeSecurityChecks } from './checks/runtime-security/index';

export const ALL_CHECKS: readonly Check[] = [
  ...podSecurityChecks,
  ...authnAuthzChecks,
  ...rbacChecks,
  ...encryptionChecks,
  ...resourceLimitsChecks,
  ...imageVulnerabilitiesChecks,
  ...hostSecurityChecks,
  ...registrySecurityChecks,
  ...runtimeSecurityChecks,
  ...apiAbuseChecks,
  ...managementToolsChecks,
];

export function checkById(id: string): Check | undefined {
  return ALL_CHECKS.find((c) => c.id === id);
}
