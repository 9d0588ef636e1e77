// /readyz: is the cluster reachable (the posture of the deployment's source is fresh) and
// can the snapshot store be opened. Nobody may be looking at the dashboard, so the probe
// itself keeps the posture fresh; it waits for a scan only briefly, since a probe has a
// timeout and a large cluster's first scan does not.
import { sourceFromEnv, type SourceSpec } from '../cluster/source';
import { assessReadiness, type Readiness, type ScanState, type StoreState } from './health';
import { getPosture, REFRESH_INTERVAL_MS, scanState } from './posture-service';
import { appStore } from './snapshot-store';

export interface ReadinessDeps {
  spec: SourceSpec;
  refresh(spec: SourceSpec): Promise<unknown>;
  scanState(spec: SourceSpec): ScanState;
  probeStore(): Promise<StoreState>;
  now(): number;
  intervalMs: number;
  /** How long to wait for a scan the probe starts before answering with what is known. */
  waitMs: number;
}

export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    deps.refresh(deps.spec).catch(() => undefined), // a failed scan is in scanState
    new Promise((resolve) => (timer = setTimeout(resolve, deps.waitMs))),
  ]);
  clearTimeout(timer);
  const store = await deps.probeStore();
  return assessReadiness({ scan: deps.scanState(deps.spec), store, now: deps.now(), intervalMs: deps.intervalMs });
}

export function serverReadinessDeps(): ReadinessDeps {
  return {
    spec: sourceFromEnv(),
    refresh: (spec) => getPosture(spec),
    scanState,
    probeStore: () => appStore().probe(3000),
    now: Date.now,
    intervalMs: REFRESH_INTERVAL_MS,
    waitMs: 3000,
  };
}
