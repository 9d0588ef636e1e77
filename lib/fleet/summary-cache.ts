// The clusters' summary rows as /fleet reads them, kept parsed in this process. 500 rows with
// their failing checks and fix-first changes are megabytes of JSON to fetch and parse; at 500
// clusters reporting every 5 minutes a row changes every ~0.6 s, so a whole-list cache would
// never hold. Instead each read asks only for every row's version (bumped at each change, in the
// same transaction: a committed version always comes with its row), then fetches the rows whose
// version differs from the one held. Every replica reads the same versions: none serves a row
// older than the database's by more than one read.
import type { FleetCluster, FleetStore } from './store';

export class FleetSummaryCache {
  private held = new Map<string, { cluster: FleetCluster; version: number }>();
  /** Rows fetched by the last read (what changed), for tests and the bench. */
  lastFetched = 0;

  constructor(private readonly store: () => Promise<Pick<FleetStore, 'versions' | 'clustersAt'>>) {}

  /** Every cluster, by name, as of now. */
  async clusters(): Promise<FleetCluster[]> {
    const store = await this.store();
    const versions = await store.versions();
    for (const key of this.held.keys()) if (!versions.has(key)) this.held.delete(key);
    const stale = [...versions].filter(([key, v]) => this.held.get(key)?.version !== v).map(([key]) => key);
    this.lastFetched = stale.length;
    for (const row of await store.clustersAt(stale)) this.held.set(row.cluster.key, row);
    // A row deleted between the two queries is not returned: drop it now, not on the next read.
    return [...this.held.values()]
      .filter((r) => versions.has(r.cluster.key))
      .map((r) => r.cluster)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
