import { describe, expect, it } from 'vitest';
import { compareVersions, coreVersion, inRanges } from './version';

describe('compareVersions', () => {
  it.each([
    ['1.7.22', '1.7.3', 1],
    ['1.7.0', '1.7', 0],
    ['2.0.0', '1.99.99', 1],
    ['1.0.0-rc95', '1.0.0-rc93', 1],
    ['1.0.0-rc95', '1.0.0', -1],
    ['1.4.0-rc.3', '1.4.0-rc.1', 1],
    ['1.4.0-rc.3', '1.4.0', -1],
    ['2.1.0-beta.0', '2.1.0', -1],
    ['2.1.0-beta.0', '2.0.99', 1],
    ['1.0.0-rc10', '1.0.0-rc9', 1],
    ['v1.31.4', '1.31.4', 0],
    ['1.31.4+k3s1', '1.31.4', 0],
    // Vendor builds are the release they build, not a pre-release of it.
    ['v1.31.4-eks-4f4795d', '1.31.4', 0],
    ['v1.31.4-eks-4f4795d', '1.31.5', -1],
    ['v1.32.3-gke.1234000', '1.32.3', 0],
    ['v1.32.3-gke.1234000', '1.32.2', 1],
    ['v1.30.2+rke2r1', 'v1.30.2', 0],
    ['1.30.0-alpha.0', '1.30.0', -1],
    ['1.30.0-alpha.0', '1.29.99', 1],
  ])('%s vs %s', (a, b, want) => {
    expect(compareVersions(a, b)).toBe(want);
  });

  it('throws on something that is not a version', () => {
    expect(() => compareVersions('garbage', '1.0')).toThrow();
  });
});

describe('coreVersion', () => {
  it.each([
    ['v1.31.6-eks-ab12', '1.31.6'],
    ['v1.32.3-gke.1234000', '1.32.3'],
    ['5.15.0-1064-aws', '5.15.0'],
    ['6.1.109-118.189.amzn2023.x86_64', '6.1.109'],
    ['1.7.22~ds1', '1.7.22'],
    ['v1.30.2+k3s1', '1.30.2'],
    ['4.19.0.1', '4.19.0'],
    ['', null],
    ['unknown', null],
  ])('%s -> %s', (v, want) => {
    expect(coreVersion(v)).toBe(want);
  });
});

describe('inRanges', () => {
  const ranges = [{ fixed: '1.4.13' }, { introduced: '1.5.0', fixed: '1.5.10' }, { introduced: '1.6.0', fixed: '1.6.1' }];
  it('includes the introduced version and excludes the fixed one', () => {
    expect(inRanges('1.4.12', ranges)).toBeDefined();
    expect(inRanges('1.4.13', ranges)).toBeUndefined();
    expect(inRanges('1.5.0', ranges)).toBeDefined();
    expect(inRanges('1.5.9', ranges)).toBeDefined();
    expect(inRanges('1.5.10', ranges)).toBeUndefined();
    expect(inRanges('1.6.0', ranges)).toBeDefined();
    expect(inRanges('1.6.1', ranges)).toBeUndefined();
  });
  it('treats a range without a fix as open-ended', () => {
    expect(inRanges('9.9.9', [{ introduced: '1.0.0' }])).toBeDefined();
  });
});
