// Specs drive the fake cluster behind the dashboard through serve-against-fake's control port.
import { expect, type APIRequestContext } from '@playwright/test';
import type { K8sObject } from '../lib/cluster/types';
import type { Faults } from './fake-cluster/faults';
import { PORTS } from './ports';

export const CONTROL_URL = `http://127.0.0.1:${PORTS.control}`;

async function post(path: string, body?: unknown): Promise<void> {
  const res = await fetch(CONTROL_URL + path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status} ${await res.text()}`);
}

export const setFaults = (faults: Faults) => post('/faults', faults);
export const setObjects = (objects: K8sObject[]) => post('/objects', objects);
/** Back to the demo objects with no faults. */
export const resetCluster = () => post('/reset');

export async function demoObjects(): Promise<K8sObject[]> {
  const res = await fetch(CONTROL_URL + '/objects');
  return (await res.json()) as K8sObject[];
}

/** POST /api/scan and the last event of its stream ('done' or 'error'). */
export async function rescan(request: APIRequestContext): Promise<{ type: string; message?: string }> {
  const res = await request.post('/api/scan', { headers: { 'Sec-Fetch-Site': 'same-origin' }, timeout: 60_000 });
  return JSON.parse((await res.text()).trim().split('\n').at(-1)!);
}

/** A rescan that must succeed. */
export async function rescanDone(request: APIRequestContext): Promise<void> {
  expect((await rescan(request)).type).toBe('done');
}

/** For afterAll: other specs share this server, so the demo cluster comes back, scanned. */
export async function restoreCluster(request: APIRequestContext): Promise<void> {
  await resetCluster();
  await rescanDone(request);
}
