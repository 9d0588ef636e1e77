import type { Control } from '../types';
import { containersOf, isSet, obj, podSecurityContext, show } from '../read';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);

function allowedAnnotation(v: string): boolean {
  return v === '' || v === 'runtime/default' || v.startsWith('localhost/');
}

/** A set appArmorProfile must name RuntimeDefault or Localhost; anything else (Unconfined) fails. */
function badProfileType(sc: Record<string, unknown> | undefined): string | null {
  if (!sc || !isSet(sc.appArmorProfile)) return null;
  const type = obj(sc.appArmorProfile)?.type;
  return typeof type === 'string' && ALLOWED_TYPES.has(type) ? null : show(type ?? '');
}

// One version since 1.0: upstream added the field check (1.30) into the 1.0 function.
const appArmorProfile: Control = {
  id: 'appArmorProfile',
  slug: 'apparmor-profile',
  level: 'baseline',
  title: 'AppArmor profile overridden or disabled',
  versions: [0],
  evaluate(meta, spec) {
    const bad: string[] = [];
    const paths: string[] = [];
    const podType = badProfileType(podSecurityContext(spec));
    if (podType !== null) {
      bad.push(`pod must not set appArmorProfile.type to "${podType}"`);
      paths.push('spec.securityContext.appArmorProfile.type');
    }
    for (const c of containersOf(spec)) {
      const t = badProfileType(c.sc);
      if (t === null) continue;
      bad.push(`container "${c.name}" must not set appArmorProfile.type to "${t}"`);
      paths.push(`${c.path}.securityContext.appArmorProfile.type`);
    }
    for (const [k, v] of Object.entries(meta.annotations).sort()) {
      if (!k.startsWith(ANNOTATION_PREFIX) || allowedAnnotation(v)) continue;
      bad.push(`${k}="${v}"`);
      paths.push(`metadata.annotations[${k}]`);
    }
    if (!bad.length) return null;
    return {
      control: 'appArmorProfile',
      level: 'baseline',
      reason: bad.length === 1 ? 'forbidden AppArmor profile' : 'forbidden AppArmor profiles',
      detail: bad.join(', '),
      paths,
    };
  },
};

export default appArmorProfile;
