import { describe, expect, it } from 'vitest';
import { objectHref } from './object-view';
import { pathsCut, topRisks } from './top-risks';
import type { Finding, Severity } from './types';

const f = (checkId: string, severity: Severity, name: string): Finding => ({
  checkId,
  area: 'rbac',
  severity,
  title: checkId,
  message: '',
  remediation: '',
  resource: { kind: 'X', namespace: null, name },
});

describe('topRisks', () => {
  it('shows one finding per check before repeats, without letting a lower severity jump ahead', () => {
    const all = [f('images', 'critical', 'a'), f('images', 'critical', 'b'), f('images', 'critical', 'c'), f('admin', 'critical', 'd'), f('tls', 'high', 'e')];
    expect(topRisks(all, 4).map((x) => x.resource.name)).toEqual(['a', 'd', 'b', 'c']);
    expect(topRisks(all, 10)).toHaveLength(5);
  });
});

describe('topRisks with attack paths', () => {
  const fix = (kind: string, name: string, ns: string | null = null) => ({
    object: { kind, namespace: ns, name },
    field: 'subjects',
    change: `change ${name}`,
    patch: 'subjects: []',
    removes: { 'cluster-admin': 2, node: 1 },
  });

  it('puts the fix-first changes first, one per object with a link to it, then critical findings elsewhere, most paths first', () => {
    const all = [f('images', 'critical', 'a'), { ...f('priv', 'critical', 'b'), paths: 5 }, f('admin', 'critical', 'crb'), f('tls', 'high', 'e')];
    const top = topRisks(all, 10, [fix('X', 'crb'), fix('X', 'crb'), fix('Deployment', 'web', 'shop')]);
    expect(top.map((x) => `${x.checkId}:${x.resource.name}`)).toEqual(['attack-paths.fix-first.1:crb', 'attack-paths.fix-first.2:web', 'priv:b', 'images:a']);
    expect(top[1]!.message).toBe('Change web: cuts 2 attack paths to cluster-admin and 1 to nodes.');
    expect(top[1]!.title).toBe('Fix first, change 2: field subjects');
    expect(top[1]!.remediation).toBe('Change web.\n\n```yaml\nsubjects: []\n```');
    expect(objectHref(top[1]!.resource)).toBe('/objects/Deployment/shop/web');
    expect(objectHref(top[0]!.resource)).toBe('/objects/X/_/crb');
    // The overview component ranks the list again: it keeps it.
    expect(topRisks(top, top.length)).toEqual(top);
  });

  it('ranks a critical object by the most paths any of its findings is on, whatever their severity', () => {
    const onObject = (checkId: string, severity: Severity, name: string, paths?: number, namespace?: string | null): Finding => ({
      ...f(checkId, severity, name),
      resource: { kind: 'Pod', namespace, name } as Finding['resource'],
      ...(paths === undefined ? {} : { paths }),
    });
    const all = [
      onObject('priv', 'critical', 'three', 3, 'ns'),
      onObject('host', 'critical', 'seven', undefined, 'ns'),
      onObject('caps', 'high', 'seven', 7, 'ns'),
      onObject('root', 'critical', 'other-ns', 9, 'elsewhere'),
      onObject('low', 'low', 'three', 1, 'ns'),
    ];
    const top = topRisks(all, 10, [fix('X', 'crb')]);
    expect(top.map((x) => `${x.checkId}:${x.resource.name}`)).toEqual(['attack-paths.fix-first.1:crb', 'root:other-ns', 'host:seven', 'priv:three']);
  });
});

describe('pathsCut', () => {
  it('says what a change cuts in words, singular and plural', () => {
    expect(pathsCut({ 'cluster-admin': 31, node: 2 })).toBe('31 attack paths to cluster-admin and 2 to nodes');
    expect(pathsCut({ 'cluster-admin': 1, node: 0 })).toBe('1 attack path to cluster-admin');
    expect(pathsCut({ 'cluster-admin': 0, node: 6 })).toBe('6 attack paths to nodes');
    expect(pathsCut({ 'cluster-admin': 0, node: 0 })).toBe('no attack path');
  });
});
