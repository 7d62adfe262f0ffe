import {
  BACKWARDS,
  CancelledError,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  streamNameFilter,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type Position,
  type ResolvedEvent,
  type StreamSubscription,
  type AllStreamSubscription,
} from '@eventstore/db-client';
import { status } from '@grpc/grpc-js';
import { startEsdbDouble, type EsdbDouble } from '../../support/esdb-double/esdb-double';
import { eventually } from '../../support/eventually';

/** Everything a subscription told its consumer, in order. */
type Seen = ['confirmation'] | ['caughtUp'] | ['event', string, bigint] | ['checkpoint', bigint] | ['error', Error];

describe('EventStoreDB protocol double (test double of the server, no server runs here)', () => {
  let double: EsdbDouble;
  let client: EventStoreDBClient;
  const clients: EventStoreDBClient[] = [];

  /** A real client of the double; closed after the test. */
  function connect(url = double.url): EventStoreDBClient {
    const connected = EventStoreDBClient.connectionString(url);
    clients.push(connected);
    return connected;
  }

  const stream = (prefix = 'case'): string => `${prefix}-${crypto.randomUUID()}`;
  const milestone = (n: number) => jsonEvent({ type: 'MilestoneRecorded', data: { n }, metadata: { recordedBy: 'test' } });

  async function readAll(options: Parameters<EventStoreDBClient['readAll']>[0] = {}): Promise<AllStreamResolvedEvent[]> {
    const events: AllStreamResolvedEvent[] = [];
    for await (const resolved of client.readAll(options)) events.push(resolved);
    return events;
  }

  async function readStream(streamId: string, options: Parameters<EventStoreDBClient['readStream']>[1] = {}): Promise<ResolvedEvent[]> {
    const events: ResolvedEvent[] = [];
    for await (const resolved of client.readStream(streamId, options)) events.push(resolved);
    return events;
  }

  /** Records what a subscription delivers, for assertions on its order. */
  function watch(subscription: StreamSubscription | AllStreamSubscription, seen: Seen[] = []): Seen[] {
    subscription.on('confirmation', () => seen.push(['confirmation']));
    subscription.on('caughtUp', () => seen.push(['caughtUp']));
    subscription.on('data', (resolved: ResolvedEvent) => seen.push(['event', resolved.event!.streamId, resolved.event!.revision]));
    subscription.on('error', (error: Error) => seen.push(['error', error]));
    return seen;
  }

  beforeEach(async () => {
    double = await startEsdbDouble();
    client = connect();
  });

  afterEach(async () => {
    for (const connected of clients.splice(0)) await connected.dispose();
    await double.stop();
  });

  it('appends with revisions from 0 and reads a stream forwards and backwards from a revision', async () => {
    const id = stream();
    const first = await client.appendToStream(id, [milestone(0), milestone(1)], { expectedRevision: 'no_stream' });
    const second = await client.appendToStream(id, milestone(2), { expectedRevision: 1n });

    expect(first.nextExpectedRevision).toBe(1n);
    expect(second.nextExpectedRevision).toBe(2n);
    expect((await readStream(id)).map((e) => [e.event?.revision, e.event?.data])).toEqual([
      [0n, { n: 0 }],
      [1n, { n: 1 }],
      [2n, { n: 2 }],
    ]);
    expect((await readStream(id, { fromRevision: 1n, maxCount: 1 })).map((e) => e.event?.revision)).toEqual([1n]);
    expect((await readStream(id, { direction: BACKWARDS, fromRevision: END, maxCount: 2 })).map((e) => e.event?.revision)).toEqual([2n, 1n]);
    expect(double.storedEvents(id).map((e) => [e.type, e.revision, e.json, e.metadata])).toEqual([
      ['MilestoneRecorded', 0n, { n: 0 }, { recordedBy: 'test' }],
      ['MilestoneRecorded', 1n, { n: 1 }, { recordedBy: 'test' }],
      ['MilestoneRecorded', 2n, { n: 2 }, { recordedBy: 'test' }],
    ]);
  });

  it('answers the position of the last event written by an append', async () => {
    const id = stream();
    const result = await client.appendToStream(id, [milestone(0), milestone(1)]);
    const [, last] = double.storedEvents(id);
    expect(result.position).toEqual(last.position);
  });

  it.each([
    ['BatchAppend (what the client uses when the server advertises it)', {}],
    ['Append (what the client uses when a call carries credentials)', { credentials: { username: 'admin', password: 'changeit' } }],
  ])('refuses a wrong expected revision with WrongExpectedVersionError through %s', async (_path, options) => {
    const id = stream();
    await client.appendToStream(id, [milestone(0), milestone(1)], options);

    const stale = client.appendToStream(id, milestone(2), { ...options, expectedRevision: 0n });
    await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(stale).rejects.toMatchObject({ streamName: id, expectedVersion: 0n, actualVersion: 1n });
    await expect(client.appendToStream(id, milestone(2), { ...options, expectedRevision: 'no_stream' })).rejects.toMatchObject({
      actualVersion: 1n,
      expectedVersion: 'no_stream',
    });
    await expect(client.appendToStream(stream(), milestone(0), { ...options, expectedRevision: 3n })).rejects.toMatchObject({
      actualVersion: 'no_stream',
      expectedVersion: 3n,
    });
    await expect(client.appendToStream(stream(), milestone(0), { ...options, expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect(double.storedEvents(id)).toHaveLength(2);
  });

  it('answers a repeated append of the same event ids at the same expected revision without writing again', async () => {
    const id = stream();
    const events = [milestone(0), milestone(1)];
    const first = await client.appendToStream(id, events, { expectedRevision: 'no_stream' });
    const again = await client.appendToStream(id, events, { expectedRevision: 'no_stream' });

    expect(again).toEqual(first);
    await expect(client.appendToStream(id, [events[1], milestone(2)], { expectedRevision: 0n })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(double.storedEvents(id)).toHaveLength(2);
  });

  it('reads an unknown stream as StreamNotFoundError', async () => {
    await expect(readStream(stream())).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('refuses reads and appends of a tombstoned stream, and tombstones a stream that never existed', async () => {
    const id = stream();
    await client.appendToStream(id, milestone(0));
    await client.tombstoneStream(id);
    const never = stream();
    await client.tombstoneStream(never, { expectedRevision: 'no_stream' });

    expect(double.isTombstoned(id)).toBe(true);
    expect(double.isTombstoned(never)).toBe(true);
    await expect(readStream(id)).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(client.appendToStream(id, milestone(1))).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(client.appendToStream(never, milestone(0), { credentials: { username: 'admin', password: 'changeit' } })).rejects.toBeInstanceOf(
      StreamDeletedError,
    );
    await expect(client.tombstoneStream(id)).rejects.toBeInstanceOf(StreamDeletedError);
    const tombstones = (await readAll()).filter((e) => e.event!.streamId === id && e.event!.type === '$streamDeleted');
    expect(tombstones.map((e) => e.event!.revision)).toEqual([2n ** 63n - 1n]);
  });

  it('ends a stream subscription with StreamDeletedError when its stream is tombstoned', async () => {
    const id = stream();
    await client.appendToStream(id, milestone(0));
    const seen = watch(client.subscribeToStream(id));
    await eventually('the double has answered', () => seen.length === 3);
    await client.tombstoneStream(id);
    await eventually('the double has answered', () => seen.length === 4);

    expect(seen[3][0]).toBe('error');
    expect(seen[3][1]).toBeInstanceOf(StreamDeletedError);
  });

  it('reads a soft-deleted stream as not found and continues its revisions on the next append', async () => {
    const id = stream();
    await client.appendToStream(id, [milestone(0), milestone(1)]);
    await client.deleteStream(id, { expectedRevision: 1n });

    await expect(readStream(id)).rejects.toBeInstanceOf(StreamNotFoundError);
    const next = await client.appendToStream(id, milestone(2), { expectedRevision: 1n });
    expect(next.nextExpectedRevision).toBe(2n);
    expect((await readStream(id)).map((e) => e.event?.revision)).toEqual([2n]);
  });

  it('keeps stream metadata in its $$ stream and honours $maxCount 1 on read', async () => {
    const id = stream();
    await client.setStreamMetadata(id, { maxCount: 1 });
    await client.appendToStream(id, [milestone(0), milestone(1), milestone(2)]);

    expect((await client.getStreamMetadata(id)).metadata).toMatchObject({ maxCount: 1 });
    expect(double.storedEvents(`$$${id}`).map((e) => e.json)).toEqual([{ $maxCount: 1 }]);
    expect((await readStream(id)).map((e) => e.event?.revision)).toEqual([2n]);
  });

  it('reads $all forwards in log order with strictly increasing, gapped positions (commit = prepare per event)', async () => {
    const [a, b] = [stream('journey'), stream('journey')];
    await client.appendToStream(a, [milestone(0), milestone(1)]);
    await client.appendToStream(stream('other'), milestone(0));
    await client.appendToStream(b, milestone(0));

    const ours = (await readAll()).filter((e) => e.event!.streamId.startsWith('journey-'));
    expect(ours.map((e) => [e.event!.streamId, e.event!.revision])).toEqual([
      [a, 0n],
      [a, 1n],
      [b, 0n],
    ]);
    const positions = ours.map((e) => e.event!.position!);
    for (const position of positions) expect(position.prepare).toBe(position.commit);
    for (let i = 1; i < positions.length; i++) expect(positions[i].commit - positions[i - 1].commit).toBeGreaterThan(1n);
    expect(ours.map((e) => e.commitPosition)).toEqual(positions.map((p) => p.commit));
  });

  it('reads $all forwards from a position including the event there, and backwards excluding it', async () => {
    const id = stream();
    await client.appendToStream(id, [milestone(0), milestone(1), milestone(2)]);
    const [, middle] = double.storedEvents(id);

    const forwards = await readAll({ fromPosition: middle.position, direction: FORWARDS });
    const backwards = await readAll({ fromPosition: middle.position, direction: BACKWARDS, maxCount: 1 });
    expect(forwards.map((e) => e.event!.revision)).toEqual([1n, 2n]);
    expect(backwards.map((e) => e.event!.revision)).toEqual([0n]);
  });

  it('reads the last event of $all backwards from the end', async () => {
    const id = stream();
    await client.appendToStream(id, [milestone(0), milestone(1)]);

    const [last] = await readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 });
    expect([last.event!.streamId, last.event!.revision]).toEqual([id, 1n]);
  });

  it('subscribes to $all with a stream-name filter: confirmation, catch-up after the start (exclusive), caught up, then live events', async () => {
    const [a, b] = [stream('journey'), stream('journey')];
    await client.appendToStream(a, [milestone(0), milestone(1)]);
    await client.appendToStream(stream('other'), milestone(0));
    const [first] = double.storedEvents(a);

    const seen = watch(client.subscribeToAll({ fromPosition: first.position, filter: streamNameFilter({ prefixes: ['journey-'] }) }));
    await eventually('the double has answered', () => seen.some(([kind]) => kind === 'caughtUp'));
    await client.appendToStream(b, milestone(0));
    await client.appendToStream(stream('other'), milestone(0));
    await eventually('the double has answered', () => seen.length === 4);

    expect(seen).toEqual([['confirmation'], ['event', a, 1n], ['caughtUp'], ['event', b, 0n]]);
  });

  it('subscribes to $all from the end: live events only', async () => {
    await client.appendToStream(stream(), milestone(0));
    const seen = watch(client.subscribeToAll({ fromPosition: END }));
    await eventually('the double has answered', () => seen.length === 2);
    const id = stream();
    await client.appendToStream(id, milestone(0));
    await eventually('the double has answered', () => seen.length === 3);

    expect(seen).toEqual([['confirmation'], ['caughtUp'], ['event', id, 0n]]);
  });

  it('sends checkpoints of a filtered subscription every checkpoint interval × search window of events searched', async () => {
    for (let i = 0; i < 5; i++) await client.appendToStream(stream('other'), milestone(i));
    const checkpoints: Position[] = [];
    const filter = streamNameFilter({
      prefixes: ['journey-'],
      maxSearchWindow: 2,
      checkpointInterval: 1,
      checkpointReached: (_subscription, position) => {
        checkpoints.push(position);
      },
    });
    const seen = watch(client.subscribeToAll({ fromPosition: START, filter }));
    await eventually('the double has answered', () => seen.some(([kind]) => kind === 'caughtUp'));
    // Catch-up pages of 2 over 5 events: checkpoints after the first two pages, none after the last one.
    expect(checkpoints).toHaveLength(2);
    // Live, the count carries on from catch-up: the first live event completes the next interval.
    await client.appendToStream(stream('other'), milestone(5));
    await eventually('the double has answered', () => checkpoints.length === 3);

    const all = await readAll();
    expect(checkpoints.map((p) => p.commit)).toEqual([0, 2, 5].map((i) => all[i].event!.position!.commit));
  });

  it('subscribes to a stream from a revision (exclusive) and follows it live', async () => {
    const id = stream();
    await client.appendToStream(id, [milestone(0), milestone(1)]);
    const seen = watch(client.subscribeToStream(id, { fromRevision: 0n }));
    await eventually('the double has answered', () => seen.length === 3);
    await client.appendToStream(id, milestone(2));
    await eventually('the double has answered', () => seen.length === 4);

    expect(seen).toEqual([['confirmation'], ['event', id, 1n], ['caughtUp'], ['event', id, 2n]]);
  });

  it('ends open subscriptions with UnavailableError on dropSubscriptions()', async () => {
    const seen = watch(client.subscribeToAll());
    await eventually('the double has answered', () => seen.length === 2);
    double.dropSubscriptions();
    await eventually('the double has answered', () => seen.length === 3);

    const [kind, error] = seen[2];
    expect(kind).toBe('error');
    expect(error).toBeInstanceOf(UnavailableError);
  });

  it('fails calls while connections are refused (open ones CANCELLED, new ones UNAVAILABLE) and serves them once it listens again', async () => {
    const id = stream();
    await client.appendToStream(id, milestone(0));
    const outage = double.refuseConnections();

    const open = await client.appendToStream(id, milestone(1)).catch((error: unknown) => error);
    const fresh = await client.appendToStream(id, milestone(1)).catch((error: unknown) => error);
    await outage.end();
    const afterwards = await client.appendToStream(id, milestone(1), { expectedRevision: 0n });

    expect(open).toBeInstanceOf(CancelledError);
    // The client passes on the raw gRPC error of its server-features call here, not an UnavailableError.
    expect(fresh).toMatchObject({ code: status.UNAVAILABLE });
    expect(afterwards.nextExpectedRevision).toBe(1n);
  });

  it('serves esdb+discover:// through Gossip as the one alive leader', async () => {
    const discovering = connect(double.discoverUrl);
    const id = stream();
    await discovering.appendToStream(id, milestone(0));

    expect((await readStream(id)).map((e) => e.event?.revision)).toEqual([0n]);
  });
});
