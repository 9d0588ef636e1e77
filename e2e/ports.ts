// The ports of the Playwright servers (playwright.config.ts). Each worker has a set of its own —
// the fake cluster and the dashboard reading it, the unreachable-cluster dashboard, the auth
// dashboards — so a spec that changes the cluster, rescans or moves a dashboard's clock never
// meets another worker's tests. Set n sits SET_STRIDE ports above set 0.
export const SET_STRIDE = 10;

export interface E2EPorts {
  /** The dashboard on the fake cluster, AUTH_MODE=none on loopback (serve-against-fake.ts); set 0's base + 9 is serve-all.ts's ready port. */
  base: number;
  /** The dashboard pointed at an API server that is not there (serve-unreachable.ts). */
  gone: number;
  /** serve-against-fake's control port: faults and objects (control.ts). */
  control: number;
  /** AUTH_MODE=token (serve-auth.ts); AUTH_MODE=proxy is auth + 1, auth.spec's refused AUTH_MODE=none start auth + 2. */
  auth: number;
}

const env = (name: string): number | undefined => (process.env[name] === undefined ? undefined : Number(process.env[name]));

/** The ports of server set `set` (0 unless several workers run). */
export function e2ePorts(set: number): E2EPorts {
  const base = env('E2E_PORT') ?? 3100;
  const at = (port: number) => port + set * SET_STRIDE;
  return {
    base: at(base),
    gone: at(env('E2E_GONE_PORT') ?? base + 1),
    control: at(env('E2E_CONTROL_PORT') ?? base + 2),
    // + 5: the proxy dashboard and the refused start take + 6 and + 7, below the next set's base.
    auth: at(env('E2E_AUTH_PORT') ?? base + 5),
  };
}

/** This worker's servers: Playwright numbers its running workers from 0 (TEST_PARALLEL_INDEX). */
export const PORTS = e2ePorts(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
