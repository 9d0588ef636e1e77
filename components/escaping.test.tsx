// Everything from the cluster is rendered as text: markup in names and messages stays inert.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/posture/types';
import { SourceBadge } from './SourceBadge';
import { TopRisks } from './TopRisks';

const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

describe('rendering cluster text', () => {
  it('escapes markup in object names and messages', () => {
    const finding: Finding = {
      checkId: 'rbac.binds-cluster-admin',
      area: 'rbac',
      severity: 'critical',
      title: 'Subject holds cluster-admin',
      message: `granted to ${payload}`,
      remediation: 'x',
      resource: { kind: 'ClusterRoleBinding', namespace: null, name: payload },
    };
    const html =
      renderToStaticMarkup(<TopRisks findings={[finding]} />) +
      renderToStaticMarkup(<SourceBadge cluster={{ name: payload, version: null, source: 'live' }} />);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });
});
