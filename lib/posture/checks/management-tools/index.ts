import type { Check } from '../../check';
import argocdAnonymousAccess from './argocd-anonymous-access';
import coverage from './coverage';
import exposed from './exposed';
import knownCves from './known-cves';
import kubectlKnownCves from './kubectl-known-cves';
import riskySettings from './risky-settings';
import serviceAccountPowers from './service-account-powers';
import unmaintained from './unmaintained';

export const managementToolsChecks: readonly Check[] = [coverage, exposed, riskySettings, serviceAccountPowers, knownCves, argocdAnonymousAccess, unmaintained, kubectlKnownCves];
