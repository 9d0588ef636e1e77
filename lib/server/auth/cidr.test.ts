import { describe, expect, it } from 'vitest';
import { inCidrs, parseCidr } from './cidr';

const cidrs = (...c: string[]) => c.map((x) => parseCidr(x)!);

describe('inCidrs', () => {
  it('matches IPv4 ranges, including IPv4-mapped IPv6 socket addresses', () => {
    const trusted = cidrs('10.42.0.0/16');
    expect(inCidrs('10.42.7.9', trusted)).toBe(true);
    expect(inCidrs('::ffff:10.42.7.9', trusted)).toBe(true);
    expect(inCidrs('10.43.0.1', trusted)).toBe(false);
  });

  it('matches IPv6 ranges and single addresses', () => {
    expect(inCidrs('fd00::1:2', cidrs('fd00::/8'))).toBe(true);
    expect(inCidrs('fe80::1', cidrs('fd00::/8'))).toBe(false);
    expect(inCidrs('::1', cidrs('::1'))).toBe(true);
    expect(inCidrs('127.0.0.1', cidrs('127.0.0.1'))).toBe(true);
    expect(inCidrs('127.0.0.2', cidrs('127.0.0.1/32'))).toBe(false);
  });

  it('trusts nothing for a missing or non-IP address', () => {
    expect(inCidrs(null, cidrs('0.0.0.0/0'))).toBe(false);
    expect(inCidrs('proxy.local', cidrs('0.0.0.0/0'))).toBe(false);
  });

  it('rejects malformed CIDRs', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0/8', 'fd00::/129', 'x/8', '10.0.0.0/a']) expect(parseCidr(bad)).toBeNull();
  });
});
