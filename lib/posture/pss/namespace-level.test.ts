import { describe, expect, it } from 'vitest';
import { LATEST_PSS_MINOR } from './evaluate';
import { parseClusterMinor, parseEnforcePolicy, parseNamespacePolicies } from './namespace-level';

const P = 'pod-security.kubernetes.io/';

describe('parseEnforcePolicy', () => {
  it('reads a valid level and pinned version', () => {
    expect(parseEnforcePolicy({ [`${P}enforce`]: 'baseline', [`${P}enforce-version`]: 'v1.25' })).toEqual({
      level: 'baseline',
      minor: 25,
      versionLabel: 'v1.25',
      labelled: true,
      errors: [],
    });
  });

  it('resolves latest to the cluster minor when known, else to the newest policy', () => {
    expect(parseEnforcePolicy({ [`${P}enforce`]: 'restricted' }, 30).minor).toBe(30);
    expect(parseEnforcePolicy({ [`${P}enforce`]: 'restricted', [`${P}enforce-version`]: 'latest' }).minor).toBe(LATEST_PSS_MINOR);
  });

  it('fails closed on an invalid enforce level', () => {
    const p = parseEnforcePolicy({ [`${P}enforce`]: 'Baseline' });
    expect(p).toMatchObject({ level: 'restricted', labelled: true });
    expect(p.errors).toEqual([expect.stringContaining('treats it as restricted')]);
  });

  it('reads an invalid version as latest, with an error', () => {
    for (const bad of ['1.25', 'v1.025', 'v2.0', 'v1.', 'v1.25.1', '', 25]) {
      const p = parseEnforcePolicy({ [`${P}enforce`]: 'baseline', [`${P}enforce-version`]: bad }, 29);
      expect(p).toMatchObject({ level: 'baseline', minor: 29, versionLabel: 'latest' });
      expect(p.errors).toHaveLength(1);
    }
    expect(parseEnforcePolicy({ [`${P}enforce-version`]: 'v1.0' }).minor).toBe(0);
  });

  it('reports an unlabelled namespace as privileged, not labelled', () => {
    expect(parseEnforcePolicy({})).toEqual({ level: 'privileged', minor: LATEST_PSS_MINOR, versionLabel: 'latest', labelled: false, errors: [] });
    expect(parseEnforcePolicy(undefined).labelled).toBe(false);
    expect(parseEnforcePolicy('junk').labelled).toBe(false);
  });
});

describe('parseNamespacePolicies', () => {
  it('fails open on invalid audit/warn levels', () => {
    const p = parseNamespacePolicies({ [`${P}audit`]: 'strict', [`${P}warn`]: 'nope' });
    expect(p.audit.level).toBe('privileged');
    expect(p.warn.level).toBe('privileged');
    expect(p.audit.errors).toHaveLength(1);
  });

  it('lets an absent warn label inherit a stricter enforce policy', () => {
    const p = parseNamespacePolicies({ [`${P}enforce`]: 'baseline', [`${P}enforce-version`]: 'v1.28' });
    expect(p.warn).toMatchObject({ level: 'baseline', minor: 28, labelled: false });
    expect(parseNamespacePolicies({ [`${P}enforce`]: 'baseline', [`${P}warn`]: 'privileged' }).warn.level).toBe('privileged');
  });
});

describe('parseClusterMinor', () => {
  it('reads common version strings', () => {
    expect(parseClusterMinor('v1.30.4')).toBe(30);
    expect(parseClusterMinor('v1.34.2-eks-1234')).toBe(34);
    expect(parseClusterMinor('1.29')).toBe(29);
    expect(parseClusterMinor('v1.28+k3s1')).toBe(28);
    expect(parseClusterMinor('garbage')).toBeNull();
    expect(parseClusterMinor(null)).toBeNull();
  });
});
