import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DefaultDeny, defaultDenyText, QuotaPresence } from './NamespaceGuards';

const objects = (workloads: number, resourceQuotas: number, limitRanges = 0) => ({
  workloads,
  pods: workloads,
  networkPolicies: 0,
  resourceQuotas,
  limitRanges,
});

describe('namespace guards', () => {
  it('says which directions are denied by default', () => {
    expect(defaultDenyText({ ingress: true, egress: true })).toBe('ingress + egress');
    expect(defaultDenyText({ ingress: true, egress: false })).toBe('ingress only');
    expect(defaultDenyText({ ingress: false, egress: true })).toBe('egress only');
    expect(defaultDenyText({ ingress: false, egress: false })).toBe('none');
    expect(defaultDenyText(null)).toBe('unknown');
    expect(defaultDenyText(undefined)).toBe('unknown');
  });

  it('marks a gap only where workloads run, and always in words', () => {
    expect(renderToStaticMarkup(<DefaultDeny ns={{ defaultDeny: { ingress: false, egress: false }, objects: objects(3, 0) }} />)).toContain('text-red-800');
    expect(renderToStaticMarkup(<DefaultDeny ns={{ defaultDeny: { ingress: false, egress: false }, objects: objects(0, 0) }} />)).not.toContain('text-red-800');
    const quota = renderToStaticMarkup(<QuotaPresence ns={{ objects: objects(3, 1, 0) }} />);
    expect(quota).toMatch(/yes.*LimitRange no/);
    expect(renderToStaticMarkup(<QuotaPresence ns={{ objects: objects(3, 0, 1) }} />)).toMatch(/text-red-800">no<.*LimitRange yes/);
  });
});
