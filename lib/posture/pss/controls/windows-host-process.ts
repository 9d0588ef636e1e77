import type { Control } from '../types';
import { containersOf, obj, podSecurityContext, setters } from '../read';

const hostProcess = (sc: Record<string, unknown> | undefined) => obj(sc?.windowsOptions)?.hostProcess === true;

const windowsHostProcess: Control = {
  id: 'windowsHostProcess',
  slug: 'windows-host-process',
  level: 'baseline',
  title: 'Windows HostProcess containers',
  versions: [0],
  evaluate(_meta, spec) {
    const pod = hostProcess(podSecurityContext(spec));
    const bad = containersOf(spec).filter((c) => hostProcess(c.sc));
    if (!pod && !bad.length) return null;
    return {
      control: 'windowsHostProcess',
      level: 'baseline',
      reason: 'hostProcess',
      detail: `${setters(
        pod,
        bad.map((c) => c.name),
      )} must not set securityContext.windowsOptions.hostProcess=true`,
      paths: [...(pod ? ['spec.securityContext.windowsOptions.hostProcess'] : []), ...bad.map((c) => `${c.path}.securityContext.windowsOptions.hostProcess`)],
    };
  },
};

export default windowsHostProcess;
