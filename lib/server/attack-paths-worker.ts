// The worker thread's side of lib/server/attack-paths-thread.ts: keeps its own copy of the
// followed Inventory, applies each watched batch to it as the main thread did, and analyses its
// attack paths when asked, so the ~2 s of CPU they take at 50,000 pods never holds up requests.
import { parentPort } from 'node:worker_threads';
import { analyserState, type ToWorker } from './attack-paths-protocol';

const state = analyserState();
parentPort!.on('message', (m: ToWorker) => {
  const reply = state.handle(m);
  if (reply) parentPort!.postMessage(reply);
});
