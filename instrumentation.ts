// Next.js calls register() once when the server starts. On the Node.js runtime it opens the
// snapshot store (migrations run now, not on the first request) and starts scheduled snapshots.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Authentication and the request boundary first: until they are in place the preload
  // (lib/server/boundary/preload.mjs) answers 503; a server that must not serve stops here.
  const { startAuth } = await import('./lib/server/auth/startup-hook');
  await startAuth();
  const { installRequestTiming } = await import('./lib/server/metrics/request-timing');
  installRequestTiming();
  const { startAuditTls } = await import('./lib/server/audit-webhook');
  await startAuditTls();
  const { snapshotStore } = await import('./lib/server/snapshot-service');
  const { startSnapshotSchedule } = await import('./lib/server/snapshot-scheduler');
  try {
    await snapshotStore();
    await startSnapshotSchedule();
  } catch (e) {
    // The dashboard still serves live postures without its store; the snapshot pages say why.
    console.error('[snapshots] store could not be opened:', e);
  }
}
