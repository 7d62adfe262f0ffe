// The double of EventStoreDB's protocol in a thread of its own, as a server is in a process of its own:
// the harness's thread then runs only the client (and the adapter) it measures.
import { parentPort } from 'node:worker_threads';
import { startEsdbDouble } from '../test/support/esdb-double/esdb-double';

startEsdbDouble()
  .then((double) => {
    parentPort!.once('message', () => {
      void double.stop().then(() => parentPort!.postMessage({ stopped: true }));
    });
    parentPort!.postMessage({ url: double.url });
  })
  .catch((error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }));
