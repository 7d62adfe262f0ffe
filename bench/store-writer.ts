// One of the concurrent writers of the store figure, in a worker thread with a connection of its own.
import { parentPort, workerData } from 'node:worker_threads';
import { type AppenderKind, appendMany, openAppender } from './store-appenders';

interface WriterData {
  kind: AppenderKind;
  file: string;
  writer: number;
  appends: number;
  streams: number;
}

const { kind, file, writer, appends, streams } = workerData as WriterData;
const appender = openAppender(kind, file);
parentPort!.once('message', () => {
  appendMany(appender, writer, appends, streams)
    .then(() => {
      appender.close();
      parentPort!.postMessage({ done: appends });
    })
    .catch((error: unknown) => {
      appender.close();
      parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
    });
});
parentPort!.postMessage({ ready: true });
