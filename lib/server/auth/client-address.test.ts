import { describe, expect, it } from 'vitest';
import { parseCidr } from './cidr';
import { clientAddress } from './client-address';
import { PEER_HEADER } from './peer';

const ingress = [parseCidr('10.42.0.0/16')!];

describe('clientAddress', () => {
  it('counts a direct client by its socket address, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(new Headers({ [PEER_HEADER]: '192.0.2.7', 'x-forwarded-for': '203.0.113.9' }), ingress)).toBe('192.0.2.7');
  });

  it('counts a client behind a trusted proxy by the address that proxy appended', () => {
    const h = new Headers({ [PEER_HEADER]: '10.42.3.4', 'x-forwarded-for': '198.51.100.1, 203.0.113.9' });
    expect(clientAddress(h, ingress)).toBe('203.0.113.9');
    expect(clientAddress(new Headers({ [PEER_HEADER]: '10.42.3.4' }), ingress)).toBe('10.42.3.4');
  });
});
