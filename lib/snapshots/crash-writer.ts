// Test helper: writes snapshots in a loop and prints each id after its INSERT returned
// (committed). The store test SIGKILLs this process mid-write.
import { SnapshotStore } from './store';
import { sampleDocument } from './test-fixtures';

const store = await SnapshotStore.open({ dataDir: process.argv[2]! });
const doc = sampleDocument();
for (let i = 0; ; i++) {
  const meta = await store.save({ ...doc, findings: [...doc.findings, ...doc.findings, ...doc.findings] }, `n${i}`, { clusterKey: 'demo' });
  process.stdout.write(`${meta.id}\n`);
}
