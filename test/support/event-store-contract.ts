import { randomUUID } from 'node:crypto';
import {
  type EventStore,
  type GlobalPosition,
  type LogWindow,
  type NewEvent,
  type StoredEvent,
  WrongExpectedVersion,
} from '../../src/event-store/event-store.port';

export interface EventStoreUnderTest {
  store: EventStore;
  dispose(): Promise<void>;
}

/**
 * What every EventStore adapter promises, whatever it stores events in. Tests read the global log
 * from the head they saw on starting, so the store may already hold events (a shared EventStoreDB),
 * but nothing else may write to it while a test runs.
 */
export function eventStoreContract(name: string, make: () => Promise<EventStoreUnderTest>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ store, dispose } = await make());
    });

    afterEach(async () => {
      await dispose();
    });

    describe('appendToStream and readStream', () => {
      it('creates a stream at expected version 0 and reads it back, oldest first', async () => {
        const streamId = newStreamId();
        const events = [
          event('ParticipantEnrolled', { city: 'paris', nested: { list: [1, 'two', null] }, note: 'Brûlé ✓' }),
          event('CoachingSessionHeld', { mode: 'IN_PERSON', durationMinutes: 90 }),
          {
            ...event('ActivityStarted'),
            metadata: { recordedAt: '2007-05-02T08:00:00.000Z', recordedBy: 'system', commandId: null },
          },
        ];

        const result = await store.appendToStream(streamId, events, 0);

        expect(result.nextVersion).toBe(3);
        expect(result.events.map((e) => e.version)).toEqual([1, 2, 3]);
        const read = await store.readStream(streamId);
        expect(read).toEqual(result.events);
        expect(read.map(({ streamId: id, type, data, metadata }) => ({ id, type, data, metadata }))).toEqual(
          events.map(({ type, data, metadata }) => ({ id: streamId, type, data, metadata })),
        );
        expect(read.every((e) => typeof e.position === 'bigint')).toBe(true);
      });

      it('returns the appended events as stored, as readers will see them', async () => {
        const streamId = newStreamId();
        const followUp = event('FollowUpRecorded', { at: new Date(Date.UTC(2008, 0, 31)) });

        const result = await store.appendToStream(streamId, [followUp], 0);

        expect(result.events).toStrictEqual(await store.readStream(streamId));
        expect(result.events[0]!.data).toEqual({ at: '2008-01-31T00:00:00.000Z' });
      });

      it('appends at the right expected version', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, [event('ParticipantEnrolled'), event('CoachingSessionHeld')], 0);

        const result = await store.appendToStream(streamId, [event('ActivityStarted')], 2);

        expect(result.nextVersion).toBe(3);
        expect(result.events).toMatchObject([{ streamId, version: 3, type: 'ActivityStarted' }]);
        expect((await store.readStream(streamId)).map((e) => e.type)).toEqual([
          'ParticipantEnrolled',
          'CoachingSessionHeld',
          'ActivityStarted',
        ]);
      });

      it.each([1, 3])(
        'rejects expected version %i on a stream at version 2 with its current version, writing nothing',
        async (expectedVersion) => {
          const streamId = newStreamId();
          await store.appendToStream(streamId, [event('ParticipantEnrolled'), event('CoachingSessionHeld')], 0);
          const streamBefore = await store.readStream(streamId);
          const headBefore = await store.headPosition();

          const append = store.appendToStream(streamId, [event('ActivityStarted')], expectedVersion);

          await expectConflict(append, { streamId, expectedVersion, currentVersion: 2 });
          expect(await store.readStream(streamId)).toEqual(streamBefore);
          expect(await store.headPosition()).toBe(headBefore);
          expect(await store.readAll(headBefore, 10)).toEqual([]);
        },
      );

      it('rejects expected version 0 on an existing stream', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, [event('ParticipantEnrolled')], 0);

        await expectConflict(store.appendToStream(streamId, [event('ParticipantEnrolled')], 0), {
          streamId,
          expectedVersion: 0,
          currentVersion: 1,
        });
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('rejects an expected version above 0 on a stream that does not exist, creating nothing', async () => {
        const streamId = newStreamId();

        await expectConflict(store.appendToStream(streamId, [event('CoachingSessionHeld')], 1), {
          streamId,
          expectedVersion: 1,
          currentVersion: 0,
        });
        expect(await store.readStream(streamId)).toEqual([]);
      });

      it('rejects an append of no events, a programming error', async () => {
        const streamId = newStreamId();

        await expect(store.appendToStream(streamId, [], 0)).rejects.toThrow();
        expect(await store.readStream(streamId)).toEqual([]);
      });

      it.each([0, 1])(
        'lets exactly one of 50 concurrent appends at expected version %i win',
        async (expectedVersion) => {
          const streamId = newStreamId();
          const history = expectedVersion === 0 ? [] : [event('ParticipantEnrolled')];
          if (history.length > 0) await store.appendToStream(streamId, history, 0);
          const attempts = Array.from({ length: 50 }, (_, attempt) => [
            event('CoachingSessionHeld', { attempt }),
            event('ActivityStarted', { attempt }),
          ]);

          const outcomes = await Promise.allSettled(
            attempts.map((events) => store.appendToStream(streamId, events, expectedVersion)),
          );

          const winners = outcomes.flatMap((outcome, attempt) => (outcome.status === 'fulfilled' ? [attempt] : []));
          expect(winners).toHaveLength(1);
          const reasons = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
          expect(reasons).toHaveLength(49);
          for (const reason of reasons) {
            expect(reason).toBeInstanceOf(WrongExpectedVersion);
            expect(reason).toMatchObject({ streamId, expectedVersion, currentVersion: expectedVersion + 2 });
          }
          const stream = await store.readStream(streamId);
          expect(stream.map(({ type, data }) => ({ type, data }))).toEqual(
            [...history, ...attempts[winners[0]!]!].map(({ type, data }) => ({ type, data })),
          );
          expect(stream.map((e) => e.version)).toEqual(Array.from({ length: expectedVersion + 2 }, (_, i) => i + 1));
        },
      );

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(newStreamId())).toEqual([]);
      });

      it('reads a stream after a version: the events a reader holding that many lacks, none at its end', async () => {
        const streamId = newStreamId();
        const { events } = await store.appendToStream(streamId, [event('ParticipantEnrolled'), event('CoachingSessionHeld'), event('JobStarted')], 0);

        expect(await store.readStream(streamId, 1)).toEqual(events.slice(1));
        expect(await store.readStream(streamId, 3)).toEqual([]);
        expect(await store.readStream(newStreamId(), 2)).toEqual([]);
      });
    });

    describe('the global log', () => {
      it('holds every event of concurrent appends to different streams once, in increasing positions', async () => {
        const from = await store.headPosition();
        const streamIds = Array.from({ length: 25 }, newStreamId);

        const journey = (): NewEvent[] => [event('ParticipantEnrolled'), event('ActivityStarted'), event('JobStarted')];

        const results = await Promise.all(streamIds.map((streamId) => store.appendToStream(streamId, journey(), 0)));

        const log = await store.readAll(from, 1_000);
        expect(log).toHaveLength(75);
        expectStrictlyIncreasing(log.map((e) => e.position));
        expect(log).toEqual(results.flatMap((result) => result.events).sort(byPosition));
        for (const streamId of streamIds) {
          expect(log.filter((e) => e.streamId === streamId).map((e) => e.version)).toEqual([1, 2, 3]);
        }
      });

      it('pages through the log from an exclusive position, with no gap or duplicate', async () => {
        const from = await store.headPosition();
        const appended: StoredEvent[] = [];
        for (let append = 0; append < 7; append += 1) {
          const events = Array.from({ length: (append % 3) + 1 }, (_, index) =>
            event('CoachingSessionHeld', { append, index }),
          );
          appended.push(...(await store.appendToStream(newStreamId(), events, 0)).events);
        }

        const pages: StoredEvent[][] = [];
        let page = await store.readAll(from, 4);
        while (page.length > 0) {
          expect(page.length).toBeLessThanOrEqual(4);
          pages.push(page);
          page = await store.readAll(page.at(-1)!.position, 4);
        }

        expect(pages.flat()).toEqual(appended);
        expect(await store.readAll(appended[4]!.position, 3)).toEqual(appended.slice(5, 8));
        expect(await store.readAll(appended.at(-1)!.position, 10)).toEqual([]);
      });

      it('reads windows of the log for some types only, each moving on past the events of other types', async () => {
        const from = await store.headPosition();
        const types = ['CoachingSessionHeld', 'JobStarted', 'NoteAdded', 'CoachingSessionHeld', 'NoteAdded', 'NoteAdded', 'JobStarted'];
        const appended = (await store.appendToStream(newStreamId(), types.map((type, index) => event(type, { index })), 0)).events;
        const wanted = new Set(['JobStarted', 'CoachingSessionHeld']);

        const windows: LogWindow[] = [];
        for (let after = from; ; ) {
          const window = await store.readTypes(after, 3, wanted);
          windows.push(window);
          if (window.size < 3) break;
          after = window.end;
        }

        expect(windows.map(({ size, end }) => ({ size, end }))).toEqual([
          { size: 3, end: appended[2]!.position },
          { size: 3, end: appended[5]!.position },
          { size: 1, end: appended[6]!.position },
        ]);
        // The second window holds no event of the types asked for: it moves its reader on all the same.
        expect(windows.map((window) => window.events.length)).toEqual([2, 1, 1]);
        expect(windows.flatMap((window) => window.events)).toEqual(appended.filter((e) => wanted.has(e.type)));
        expect(await store.readTypes(appended.at(-1)!.position, 3, wanted)).toEqual({ events: [], size: 0, end: appended.at(-1)!.position });
      });

      it('has its head at the last appended event', async () => {
        const first = await store.appendToStream(newStreamId(), [event('ParticipantEnrolled'), event('JobStarted')], 0);
        expect(await store.headPosition()).toBe(first.events.at(-1)!.position);

        const second = await store.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);
        expect(await store.headPosition()).toBe(second.events[0]!.position);
        expect(second.events[0]!.position).toBeGreaterThan(first.events[1]!.position);
      });
    });

    describe('waitForEvents', () => {
      it('resolves on an append made after it started waiting', async () => {
        const waiting = store.waitForEvents(await store.headPosition());
        expect(await settlesWithin(waiting, 50)).toBe(false);

        await store.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);

        expect(await settlesWithin(waiting, 5_000)).toBe(true);
      });

      it('resolves at once when the log already holds events after the position', async () => {
        const from = await store.headPosition();
        await store.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);

        expect(await settlesWithin(store.waitForEvents(from), 100)).toBe(true);
      });

      it('resolves, not rejects, when its signal aborts', async () => {
        const head = await store.headPosition();
        const controller = new AbortController();
        const waiting = store.waitForEvents(head, controller.signal);
        expect(await settlesWithin(waiting, 50)).toBe(false);

        controller.abort();

        expect(await settlesWithin(waiting, 1_000)).toBe(true);
        expect(await settlesWithin(store.waitForEvents(head, AbortSignal.abort()), 100)).toBe(true);
      });
    });
  });
}

export function newStreamId(): string {
  return `participant-${randomUUID()}`;
}

export function event(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    type,
    data,
    metadata: { recordedAt: '2007-03-14T09:30:00.000Z', recordedBy: 'adviser-paris-1', commandId: randomUUID() },
  };
}

/** Whether the promise resolves within `ms`; a rejection fails the test with its reason. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function expectConflict(
  append: Promise<unknown>,
  expected: Pick<WrongExpectedVersion, 'streamId' | 'expectedVersion' | 'currentVersion'>,
): Promise<void> {
  const error = await append.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersion);
  expect(error).toMatchObject(expected);
}

function expectStrictlyIncreasing(positions: GlobalPosition[]): void {
  positions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(positions[index]!));
}

function byPosition(a: StoredEvent, b: StoredEvent): number {
  return a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
}
