import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NamespaceAccess } from './NamespaceAccess';

const row = (subject: string, powers: string[]) => ({ subject, subjectRef: { kind: 'Group' as const, name: subject }, role: 'ClusterRole admin', binding: 'RoleBinding oncall', powers });

describe('NamespaceAccess', () => {
  it('lists local subjects with their powers and adds the cluster-wide table only when it has rows', () => {
    const html = renderToStaticMarkup(
      <NamespaceAccess namespace="shop" local={[row('Group oncall', ['read Secrets']), row('Group devs', [])]} clusterWide={[]} />,
    );
    expect(html).toContain('RoleBindings in shop');
    expect(html).toContain('Group oncall');
    expect(html).toContain('read Secrets');
    expect(html).toContain('none of note');
    expect(html).not.toContain('Cluster-wide');
  });
  it('says when the namespace has no RoleBinding', () => {
    const html = renderToStaticMarkup(<NamespaceAccess namespace="shop" local={[]} clusterWide={[row('User alice', ['everything'])]} />);
    expect(html).toContain('No RoleBinding in shop.');
    expect(html).toContain('Cluster-wide bindings that reach it too');
    expect(html).toContain('everything');
  });
});
