import type { Control } from '../types';
import { isObj, isSet, list, specField } from '../read';

// Upstream amended the 1.0 function in place (image added for 1.33), so one version.
const ALLOWED = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret']);

const restrictedVolumes: Control = {
  id: 'restrictedVolumes',
  slug: 'restricted-volumes',
  level: 'restricted',
  title: 'Volume types outside the restricted set',
  versions: [0],
  overrides: 'hostPathVolumes',
  evaluate(_meta, spec) {
    const bad: string[] = [];
    const paths: string[] = [];
    list(specField(spec, 'volumes')).forEach((v, i) => {
      if (!isObj(v)) return;
      const sources = Object.keys(v).filter((k) => k !== 'name' && isSet(v[k]));
      // A volume with no source is defaulted to emptyDir by the API server, which PSA then sees.
      if (!sources.length || sources.some((s) => ALLOWED.has(s))) return;
      bad.push(`"${typeof v.name === 'string' ? v.name : `volumes[${i}]`}" (${sources.join(', ')})`);
      paths.push(`spec.volumes[${i}]`);
    });
    if (!bad.length) return null;
    return {
      control: 'restrictedVolumes',
      level: 'restricted',
      reason: 'restricted volume types',
      detail: `${bad.length === 1 ? 'volume' : 'volumes'} ${bad.join(', ')} ${bad.length === 1 ? 'has a restricted type' : 'have restricted types'}`,
      paths,
    };
  },
};

export default restrictedVolumes;
