// The one call posture-service.ts makes after a scan or a watched change: fire and forget, off
// unless a channel is configured, recording what was sent in the snapshot store.
import { NotificationLog } from '../../snapshots/notification-log';
import type { PostureDocument } from '../../posture/types';
import { appStore } from '../snapshot-store';
import { notifyConfig } from './config';
import { Notifier } from './notifier';

const g = globalThis as typeof globalThis & { __kpNotifier?: Notifier | null };

function notifier(): Notifier | null {
  if (g.__kpNotifier !== undefined) return g.__kpNotifier;
  const config = notifyConfig();
  g.__kpNotifier = config.channels.length ? new Notifier({ config, log: async () => new NotificationLog((await appStore().get()).sql) }) : null;
  return g.__kpNotifier;
}

export function notifyAfterScan(clusterKey: string, doc: PostureDocument): void {
  void notifier()?.notify(clusterKey, doc);
}
