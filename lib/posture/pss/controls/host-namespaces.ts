import type { Control } from '../types';
import { specField } from '../read';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

const hostNamespaces: Control = {
  id: 'hostNamespaces',
  slug: 'host-namespaces',
  level: 'baseline',
  title: 'Host namespaces',
  versions: [0],
  evaluate(_meta, spec) {
    const bad = FIELDS.filter((f) => specField(spec, f) === true);
    if (!bad.length) return null;
    return {
      control: 'hostNamespaces',
      level: 'baseline',
      reason: 'host namespaces',
      detail: `${bad.map((f) => `${f}=true`).join(', ')}`,
      paths: bad.map((f) => `spec.${f}`),
    };
  },
};

export default hostNamespaces;
