import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseObjects } from './manifests';
import { sourceLocationOf } from './source-location';

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'a', labels: { 'x/y': 'é"\\' } },
  spec: { containers: [{ name: 'c', image: 'i' }] },
});
const list = { apiVersion: 'v1', kind: 'PodList', metadata: {}, items: [{ metadata: { name: 'p1', namespace: 'a' }, spec: {} }, pod('p2')] };

describe('reading manifests', () => {
  it('reads a JSON dump and the same objects as YAML alike', () => {
    const fromJson = parseObjects(JSON.stringify(list, null, 2), 'dump.json');
    expect(fromJson.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Pod/p1', 'Pod/p2']);
    expect(parseObjects(stringify(list), 'dump.yaml')).toEqual(fromJson);
    expect(parseObjects(`\n  ${JSON.stringify(pod('p3'))}`, 'one.json')).toEqual([pod('p3')]);
  });

  it('hands JSON that does not parse to the YAML reader, whose error says where', () => {
    // Flow-style YAML that is not JSON (unquoted keys) is still read.
    expect(parseObjects('{apiVersion: v1, kind: Namespace, metadata: {name: n}}', 'flow.yaml')).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } },
    ]);
    expect(() => parseObjects('{"apiVersion": "v1", "kind": ', 'cut.json')).toThrow(/^cut\.json: invalid YAML: .*line 1/);
  });

  it('refuses a JSON value that is not an object list, naming the file', () => {
    expect(() => parseObjects('[1, 2]', 'nums.json')).toThrow('nums.json: not a Kubernetes object (expected a mapping with apiVersion and kind)');
    expect(parseObjects('null', 'empty.json')).toEqual([]);
  });

  it('remembers the file and line of each YAML object, List items included, without adding a field', () => {
    const text =
      '# settings\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n- kind: Pod\n  apiVersion: v1\n  metadata: {name: c}\n';
    const objects = parseObjects(text, 'dir/app.yaml');
    expect(objects.map((o) => [o.metadata.name, sourceLocationOf(o)])).toEqual([
      ['a', { file: 'dir/app.yaml', line: 2 }],
      ['b', { file: 'dir/app.yaml', line: 10 }],
      ['c', { file: 'dir/app.yaml', line: 13 }],
    ]);
    expect(JSON.parse(JSON.stringify(objects[0]))).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    expect(Object.keys(objects[0]!)).toEqual(['apiVersion', 'kind', 'metadata']);
    // JSON carries the file alone: JSON.parse keeps no positions.
    expect(sourceLocationOf(parseObjects(JSON.stringify(pod('p1')), 'dump.json')[0]!)).toEqual({ file: 'dump.json' });
  });

  it('skips kustomization.yaml, which configures kustomize and is no cluster object', () => {
    const kustomization = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deployment.yaml]\n';
    expect(parseObjects(kustomization, 'kustomization.yaml')).toEqual([]);
    expect(parseObjects(`${kustomization}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n`, 'x.yaml')).toHaveLength(1);
  });

  it("skips components' configuration files kept beside manifests: an audit policy, a kubeconfig", () => {
    const policy = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n';
    const kubeconfig = 'apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts: []\n';
    expect(parseObjects(policy, 'audit-policy.yaml')).toEqual([]);
    expect(parseObjects(kubeconfig, 'audit-webhook.yaml')).toEqual([]);
    // Still an error: a real object without a name.
    expect(() => parseObjects('apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n', 'x.yaml')).toThrow(/ConfigMap without metadata.name/);
  });
});
