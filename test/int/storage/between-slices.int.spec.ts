import { once } from 'node:events';
import { createServer, connect, type Socket } from 'node:net';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { betweenSlices } from '../../../src/storage/read-snapshot';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { event, newStreamId } from '../../support/event-store-contract';
import { tempDir } from '../../support/temp-files';
import { holdEventLoop } from '../../support/event-loop-turns';

describe('slices of a long read, and the appends asked for between them (int, real SQLite file)', () => {
  const tmp = tempDir('journey-between-slices-');
  afterAll(() => tmp.remove());

  it('given a long read in slices of 20 ms, when a request arriving over the network during a slice asks for an append, then the append commits before the next slice begins', async () => {
    const db = openSqliteDatabase(tmp.file('journeys.db'));
    const store = new SqliteEventStore(db);
    const order: string[] = [];
    let appended: Promise<unknown> | undefined;
    // A request arrives over the network, as the service's do: its data is read once a slice has let go.
    const server = createServer((socket) =>
      socket.on('data', () => {
        appended = store.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0).then(() => order.push('committed'));
      }),
    ).listen(0, '127.0.0.1');
    let client: Socket | undefined;
    try {
      await once(server, 'listening');
      const { port } = server.address() as { port: number };
      client = connect(port, '127.0.0.1');
      await once(client, 'connect');
      for (let slice = 0; slice < 3; slice++) {
        await betweenSlices();
        order.push('slice');
        if (slice === 0) client.write('record');
        holdEventLoop(20);
      }
      await appended;
    } finally {
      client?.destroy();
      server.close();
      db.close();
    }

    expect(order).toEqual(['slice', 'committed', 'slice', 'slice']);
  });
});
