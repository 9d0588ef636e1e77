import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseObjects } from './manifests';

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'a', labels: { 'x/y': 'é"\\' } }, spec: { containers: [{ name: 'c', image: 'i' }] } });
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
    expect(parseObjects('{apiVersion: v1, kind: Namespace, metadata: {name: n}}', 'flow.yaml')).toEqual([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }]);
    expect(() => parseObjects('{"apiVersion": "v1", "kind": ', 'cut.json')).toThrow(/^cut\.json: invalid YAML: .*line 1/);
  });

  it('refuses a JSON value that is not an object list, naming the file', () => {
    expect(() => parseObjects('[1, 2]', 'nums.json')).toThrow('nums.json: not a Kubernetes object (expected a mapping with apiVersion and kind)');
    expect(parseObjects('null', 'empty.json')).toEqual([]);
  });
});
