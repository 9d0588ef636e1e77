import { describe, expect, it } from 'vitest';
import { AllowedHostsError, hostAllowed, hostName, hostPolicy } from './host';

describe('hostPolicy / hostAllowed', () => {
  it('AUTH_MODE=none answers to loopback names, addresses and the bound name only', () => {
    const p = hostPolicy('none', undefined, ['127.0.0.1', 'dashboard.internal']);
    for (const ok of ['127.0.0.1:3000', 'localhost:3000', 'LOCALHOST.', 'app.localhost', '[::1]:3000', '10.1.2.3', 'dashboard.internal:3000'])
      expect(hostAllowed(ok, p), ok).toBe(true);
    for (const bad of ['evil.example:3000', 'localhost.evil.example', 'evil.example@127.0.0.1', '127.0.0.1/x', '', undefined])
      expect(hostAllowed(bad, p), String(bad)).toBe(false);
  });

  it('ALLOWED_HOSTS adds names and *.suffixes, and turns the check on in every mode', () => {
    expect(hostPolicy('token', undefined, ['0.0.0.0']).enforce).toBe(false);
    const p = hostPolicy('token', 'posture.example.com, *.corp.example', ['0.0.0.0']);
    expect(p.enforce).toBe(true);
    expect(hostAllowed('posture.example.com', p)).toBe(true);
    expect(hostAllowed('a.b.corp.example:443', p)).toBe(true);
    expect(hostAllowed('corp.example', p)).toBe(false);
    expect(hostAllowed('other.example.com', p)).toBe(false);
  });

  it('refuses to start on a malformed entry', () => {
    expect(() => hostPolicy('none', 'https://posture.example.com', [])).toThrow(AllowedHostsError);
  });

  it('reads the name out of a Host header', () => {
    expect(hostName('Example.COM.:8080')).toBe('example.com');
    expect(hostName('[::1]:3000')).toBe('::1');
    expect(hostName('a b')).toBeNull();
  });
});
