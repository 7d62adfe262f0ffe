import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, type ResolvedEvent } from '@eventstore/db-client';
import { Logger } from '@nestjs/common';
import { connectEventStoreDb } from '../../../src/event-store/esdb/esdb-connection';
import { EsdbEventStore } from '../../../src/event-store/esdb/esdb-event-store';
import type { StoredEvent } from '../../../src/event-store/event-store.port';
import { StoreUnavailable } from '../../../src/storage/store-unavailable';
import { event, eventStoreContract, newStreamId, settlesWithin } from '../../support/event-store-contract';
import { describeOnDouble, ESDB_UNDER_TEST, type EsdbUnderTest, startEsdbUnderTest } from '../../support/esdb-under-test';
import { eventually } from '../../support/eventually';

let esdb: EsdbUnderTest;
const stores: EsdbEventStore[] = [];

/** A store on a client of its own, as a replica of the service has; closed after the test. */
function openStore(): EsdbEventStore {
  const store = new EsdbEventStore(connectEventStoreDb(esdb.url));
  stores.push(store);
  return store;
}

beforeAll(async () => {
  esdb = await startEsdbUnderTest();
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

afterAll(async () => {
  await esdb.stop();
});

eventStoreContract(`EventStoreDB adapter against ${ESDB_UNDER_TEST}`, async () => {
  const store = new EsdbEventStore(connectEventStoreDb(esdb.url));
  return { store, dispose: () => store.close() };
});

describe(`EsdbEventStore against ${ESDB_UNDER_TEST}`, () => {
  it('reads a multi-event append back from a checkpoint inside it with no duplicate and no gap', async () => {
    const store = openStore();
    const from = await store.headPosition();
    const { events } = await store.appendToStream(newStreamId(), Array.from({ length: 5 }, (_, index) => event('CoachingSessionHeld', { index })), 0);

    for (const [index, checkpoint] of events.entries()) {
      expect(await store.readAll(checkpoint.position, 10)).toEqual(events.slice(index + 1));
    }
    expect(await store.readAll(events[1]!.position, 2)).toEqual(events.slice(2, 4));
    expect(await store.readAll(from, 10)).toEqual(events);
  });

  it('leaves streams other than participants\' (keys, say) out of the global log and its head', async () => {
    const store = openStore();
    const participant = await store.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);
    const head = await store.headPosition();

    await store.appendToStream(`personal-data-key-${randomUUID()}`, [event('ParticipantKeyCreated')], 0);
    await store.appendToStream(`other-${randomUUID()}`, [event('Noted')], 0);

    expect(head).toBe(participant.events[0]!.position);
    expect(await store.headPosition()).toBe(head);
    expect(await store.readAll(head, 10)).toEqual([]);
  });

  it('stores data and metadata as JSON, the metadata being the port\'s', async () => {
    const store = openStore();
    const streamId = newStreamId();
    const enrolled = event('ParticipantEnrolled', { city: 'frankfurt' });
    await store.appendToStream(streamId, [enrolled], 0);

    const client = EventStoreDBClient.connectionString(esdb.url);
    const raw: ResolvedEvent[] = [];
    for await (const resolved of client.readStream(streamId)) raw.push(resolved);
    await client.dispose();

    expect(raw).toHaveLength(1);
    expect(raw[0]!.event).toMatchObject({ isJson: true, type: 'ParticipantEnrolled', data: { city: 'frankfurt' }, metadata: enrolled.metadata });
    if (esdb.double) {
      const [stored] = esdb.double.storedEvents(streamId);
      expect(stored).toMatchObject({ contentType: 'application/json', json: { city: 'frankfurt' } });
      expect(JSON.parse(Buffer.from(stored!.metadataBytes).toString('utf8'))).toEqual(enrolled.metadata);
    }
  });

  it('tells each event once, in order, to onEvent listeners, and reports its subscription reachable', async () => {
    const store = openStore();
    const told: StoredEvent[] = [];
    store.onEvent((e) => told.push(e));
    await eventually('the subscription is confirmed', () => store.reachable());

    const first = await store.appendToStream(newStreamId(), [event('ParticipantEnrolled'), event('JobStarted')], 0);
    const second = await openStore().appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);

    await eventually('both appends are told', () => told.length >= 3);
    expect(told).toEqual([...first.events, ...second.events]);
  });

  it('resolves its waiters when it closes', async () => {
    const store = openStore();
    const waiting = store.waitForEvents(await store.headPosition());
    expect(await settlesWithin(waiting, 50)).toBe(false);

    await store.close();

    expect(await settlesWithin(waiting, 1_000)).toBe(true);
  });
});

describeOnDouble('connectEventStoreDb (on the protocol double only, which serves gossip as a one-node cluster)', () => {
  it('connects through gossip discovery too (esdb+discover://)', async () => {
    const store = new EsdbEventStore(connectEventStoreDb(esdb.double!.discoverUrl));
    stores.push(store);
    const streamId = newStreamId();

    const { events } = await store.appendToStream(streamId, [event('ParticipantEnrolled')], 0);

    expect(await openStore().readStream(streamId)).toEqual(events);
  });
});

describeOnDouble('EsdbEventStore when the connection fails (fault injection on the protocol double only)', () => {
  /** Waits for every event of `appended` to be told to `told`, then checks each was told once, in order. */
  async function expectToldOnce(told: StoredEvent[], appended: StoredEvent[]): Promise<void> {
    await eventually('the appends are told', () => appended.every((a) => told.some((t) => t.position === a.position)));
    expect(told.map((e) => e.position)).toEqual([...new Set(told.map((e) => e.position))].sort((a, b) => (a < b ? -1 : 1)));
  }

  /** A store whose subscription is up and has told one event (`before`), appended by another store (`writer`). */
  async function subscribedWithOneEventTold() {
    const store = openStore();
    const writer = openStore();
    const told: StoredEvent[] = [];
    store.onEvent((e) => told.push(e));
    await eventually('the subscription is confirmed', () => store.reachable());
    const before = await writer.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);
    await expectToldOnce(told, before.events);
    return { store, writer, told, before };
  }

  it('resubscribes after the server drops its subscription: waiters still wake on later appends, nothing told twice', async () => {
    const { store, writer, told, before } = await subscribedWithOneEventTold();

    esdb.double!.dropSubscriptions();
    const waiting = store.waitForEvents(before.events[0]!.position);
    const after = await writer.appendToStream(newStreamId(), [event('ParticipantEnrolled'), event('JobStarted')], 0);

    expect(await settlesWithin(waiting, 10_000)).toBe(true);
    await expectToldOnce(told, [...before.events, ...after.events]);
    expect(told).toEqual([...before.events, ...after.events]);
    await eventually('the subscription is confirmed again', () => store.reachable());
  });

  it('resubscribes after connections were refused for a while, from where it was: unreachable meanwhile, waiters wake on later appends, nothing told twice', async () => {
    const { store, writer, told, before } = await subscribedWithOneEventTold();

    const outage = esdb.double!.refuseConnections();
    await eventually('the subscription is reported down', () => !store.reachable());
    const waiting = store.waitForEvents(before.events[0]!.position);
    await outage.end();
    // Appended as soon as the server is back, possibly before the subscription is: its resubscription catches up.
    const after = await writer.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);

    expect(await settlesWithin(waiting, 15_000)).toBe(true);
    await eventually('the subscription is confirmed again', () => store.reachable(), 15_000);
    const later = await writer.appendToStream(newStreamId(), [event('JobStarted')], 0);
    await expectToldOnce(told, [...before.events, ...after.events, ...later.events]);
    expect(told).toEqual([...before.events, ...after.events, ...later.events]);
  });

  it('resubscribes from the checkpoint the server reported past events of other streams, not from the last event told', async () => {
    const { store, writer, told, before } = await subscribedWithOneEventTold();
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    try {
      let lastOther = 0n;
      // More than the server's search window (32 events): it reports a checkpoint past them.
      for (let other = 0; other < 40; other += 1) {
        lastOther = (await writer.appendToStream(`other-${randomUUID()}`, [event('Noted')], 0)).events[0]!.position;
      }

      const resumedFrom = async (): Promise<bigint> => {
        await eventually('the subscription is confirmed', () => store.reachable());
        const calls = warnings.mock.calls.length;
        esdb.double!.dropSubscriptions();
        await eventually('the drop is logged', () => warnings.mock.calls.length > calls);
        return BigInt(/from position (\d+)/.exec(String(warnings.mock.calls.at(-1)![0]))![1]!);
      };
      await eventually('a resubscription from past the event told', async () => (await resumedFrom()) > before.events[0]!.position);

      expect(await resumedFrom()).toBeLessThanOrEqual(lastOther);
      // Past the last participant event, the checkpoint holds none: a caught-up reader still waits.
      await eventually('the subscription is confirmed', () => store.reachable());
      expect(await settlesWithin(store.waitForEvents(before.events.at(-1)!.position), 300)).toBe(false);
      const after = await writer.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);
      await expectToldOnce(told, [...before.events, ...after.events]);
      expect(told).toEqual([...before.events, ...after.events]);
    } finally {
      warnings.mockRestore();
    }
  });

  it('rejects appends and reads with StoreUnavailable while connections are refused, and serves them again after', async () => {
    const store = openStore();
    const streamId = newStreamId();
    await store.appendToStream(streamId, [event('ParticipantEnrolled')], 0);

    const outage = esdb.double!.refuseConnections();
    const outcomes = await Promise.allSettled([
      store.appendToStream(streamId, [event('JobStarted')], 1),
      store.readStream(streamId),
      store.readAll(0n, 10),
      store.headPosition(),
    ]);
    await outage.end();

    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason as StoreUnavailable;
      expect(reason).toBeInstanceOf(StoreUnavailable);
      expect(reason.detail).toMatch(/^ESDB_/);
      expect(reason.retryAfterSeconds).toBeGreaterThan(0);
      expect(() => JSON.stringify(reason)).not.toThrow();
    }
    await eventually('the store takes appends again', () =>
      store.appendToStream(streamId, [event('JobStarted')], 1).then(
        () => true,
        () => false,
      ),
    );
    expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['ParticipantEnrolled', 'JobStarted']);
  });
});
