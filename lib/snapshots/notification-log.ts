// What each notification channel was sent (migration 4): claimed before sending, so a restart,
// or a second replica on one PostgreSQL, never sends the same finding twice.
import type { Sql } from './db';

export class NotificationLog {
  constructor(private readonly sql: Sql) {}

  /** The fingerprints not yet recorded for this cluster and channel. */
  async unsent(clusterKey: string, channel: string, fingerprints: readonly string[]): Promise<string[]> {
    if (fingerprints.length === 0) return [];
    const rows = await this.sql.query<{ fingerprint: string }>(
      'SELECT fingerprint FROM notifications_sent WHERE cluster_key = $1 AND channel = $2 AND fingerprint = ANY($3::text[])',
      [clusterKey, channel, [...fingerprints]],
    );
    const sent = new Set(rows.map((r) => r.fingerprint));
    return fingerprints.filter((f) => !sent.has(f));
  }

  /** Records them as sent. */
  async record(clusterKey: string, channel: string, fingerprints: readonly string[], now = new Date()): Promise<void> {
    for (const f of fingerprints) {
      await this.sql.query('INSERT INTO notifications_sent (cluster_key, channel, fingerprint, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
        clusterKey,
        channel,
        f,
        now.toISOString(),
      ]);
    }
  }
}
