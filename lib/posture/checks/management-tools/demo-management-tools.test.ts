import { describe, expect, it } from 'vitest';
import { scanDemo } from '../../../cluster/offline';
import { findingLines, run } from '../test-support';
import argocdAnonymousAccess from './argocd-anonymous-access';
import exposed from './exposed';
import knownCves from './known-cves';
import riskySettings from './risky-settings';
import serviceAccountPowers from './service-account-powers';
import unmaintained from './unmaintained';

describe('management tools in the demo cluster', () => {
  it('finds the planted Dashboard and Argo CD problems', async () => {
    const inv = await scanDemo();
    const lines = [exposed, riskySettings, knownCves, argocdAnonymousAccess, serviceAccountPowers, unmaintained].flatMap((c) => findingLines(c, run(c, inv)).map((l) => `${c.id} ${l}`));
    expect(lines.sort()).toEqual([
      expect.stringMatching(/^management-tools\.argocd-anonymous-access high Deployment\/argocd\/argocd-server: .*role:readonly/),
      expect.stringMatching(/^management-tools\.exposed critical Deployment\/kubernetes-dashboard\/kubernetes-dashboard: .*type NodePort.*--enable-skip-login/),
      expect.stringMatching(/^management-tools\.known-cves critical Deployment\/argocd\/argocd-server: .*2\.10\.9.*CVE-2024-31989/),
      expect.stringMatching(/^management-tools\.risky-settings high Deployment\/kubernetes-dashboard\/kubernetes-dashboard: .*--enable-skip-login/),
      expect.stringMatching(/^management-tools\.risky-settings low Deployment\/argocd\/argocd-server: .*--insecure/),
      // Every authenticated identity may list Secrets (the demo's troubleshooter binding): these two too.
      expect.stringMatching(/^management-tools\.service-account-powers high Deployment\/kubernetes-dashboard\/kubernetes-dashboard: .*list Secrets in every namespace.*everyone-troubleshoot.*--enable-skip-login/),
      expect.stringMatching(/^management-tools\.service-account-powers medium Deployment\/argocd\/argocd-server: .*list Secrets in every namespace/),
    ]);
  });
});
