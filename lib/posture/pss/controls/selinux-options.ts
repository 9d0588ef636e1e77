import type { Control } from '../types';
import { containersOf, obj, podSecurityContext, show, sortedUnique } from '../read';

const TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const TYPES_1_31 = [...TYPES_1_0, 'container_engine_t'];

/** Problems with one seLinuxOptions: a type outside the set, or any user / role. */
function problems(options: unknown, allowed: ReadonlySet<string>): { field: string; value: string }[] {
  const o = obj(options);
  if (!o) return [];
  const out: { field: string; value: string }[] = [];
  const type = o.type ?? '';
  if (!(typeof type === 'string' && allowed.has(type))) out.push({ field: 'type', value: show(type) });
  for (const field of ['user', 'role'] as const) {
    const v = o[field] ?? '';
    if (v !== '') out.push({ field, value: show(v) });
  }
  return out;
}

// Built once, not per pod evaluated.
const ALLOWED_1_0: ReadonlySet<string> = new Set(TYPES_1_0);
const ALLOWED_1_31: ReadonlySet<string> = new Set(TYPES_1_31);

const seLinuxOptions: Control = {
  id: 'seLinuxOptions',
  slug: 'selinux-options',
  level: 'baseline',
  title: 'Custom SELinux options',
  versions: [0, 31],
  evaluate(_meta, spec, minor) {
    const allowed = minor >= 31 ? ALLOWED_1_31 : ALLOWED_1_0;
    const setters: string[] = [];
    const fields: string[] = [];
    const paths: string[] = [];
    const visit = (who: string, path: string, options: unknown) => {
      const found = problems(options, allowed);
      if (!found.length) return;
      setters.push(who);
      for (const p of found) {
        fields.push(`${p.field} "${p.value}"`);
        paths.push(`${path}.seLinuxOptions.${p.field}`);
      }
    };
    visit('pod', 'spec.securityContext', podSecurityContext(spec)?.seLinuxOptions);
    for (const c of containersOf(spec)) visit(`container "${c.name}"`, `${c.path}.securityContext`, c.sc?.seLinuxOptions);
    if (!setters.length) return null;
    return {
      control: 'seLinuxOptions',
      level: 'baseline',
      reason: 'seLinuxOptions',
      detail: `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${sortedUnique(fields).join(', ')}`,
      paths,
    };
  },
};

export default seLinuxOptions;
