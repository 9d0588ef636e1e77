import type { Control } from '../types';
import { isObj, isSet, list, obj, specField } from '../read';

const hostPathVolumes: Control = {
  id: 'hostPathVolumes',
  slug: 'host-path-volumes',
  level: 'baseline',
  title: 'hostPath volumes',
  versions: [0],
  evaluate(_meta, spec) {
    const bad: string[] = [];
    const paths: string[] = [];
    list(specField(spec, 'volumes')).forEach((v, i) => {
      if (!isObj(v) || !isSet(v.hostPath)) return;
      const hostPath = obj(v.hostPath)?.path;
      bad.push(`"${typeof v.name === 'string' ? v.name : `volumes[${i}]`}"${typeof hostPath === 'string' ? ` (${hostPath})` : ''}`);
      paths.push(`spec.volumes[${i}].hostPath`);
    });
    if (!bad.length) return null;
    return {
      control: 'hostPathVolumes',
      level: 'baseline',
      reason: 'hostPath volumes',
      detail: `${bad.length === 1 ? 'volume' : 'volumes'} ${bad.join(', ')}`,
      paths,
    };
  },
};

export default hostPathVolumes;
