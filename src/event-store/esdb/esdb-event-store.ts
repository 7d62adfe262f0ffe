import { BACKWARDS, END, type EventStoreDBClient, FORWARDS, type Position, START, StreamNotFoundError, WrongExpectedVersionError } from '@eventstore/db-client';
import {
  type AppendResult,
  type EventStore,
  type GlobalPosition,
  type LogWindow,
  type NewEvent,
  type StoredEvent,
  START_OF_LOG,
  windowOf,
  WrongExpectedVersion,
} from '../event-store.port';
import { answerWithin, DEADLINE_MS, readWithin } from './esdb-call';
import { toEventData, toStoredEvent } from './esdb-events';
import { currentVersionOf, expectedRevisionOf, readPositionOf } from './esdb-positions';
import { LogSubscription } from './log-subscription';
import { readParticipantLog } from './participant-log';

/** The head is what the readiness probe asks: it answers, or fails, well before a probe times out. */
const HEAD_DEADLINE_MS = 2_000;

/**
 * The event store of cluster mode: EventStoreDB, shared by every replica. A participant's stream
 * is a stream of the same name; the global log is $all, filtered by the server to participants'
 * streams, and a position is an event's commit position in it. Waiters are woken by one
 * subscription of the process (LogSubscription), which starts at first use. Transport faults
 * and deadlines reject with StoreUnavailable.
 *
 * The client belongs to this store: close() disposes it.
 */
export class EsdbEventStore implements EventStore {
  private readonly subscription: LogSubscription;

  constructor(private readonly client: EventStoreDBClient) {
    this.subscription = new LogSubscription(client, async () => {
      const head = await this.readHead();
      return head === null ? START : head;
    });
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expectedVersion: number): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`Nothing to append to ${streamId}: an append needs events`);
    if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
      throw new RangeError(`Expected version of ${streamId} must be a whole number ≥ 0, not ${expectedVersion}`);
    }
    try {
      await answerWithin(
        `Appending to ${streamId}`,
        DEADLINE_MS,
        this.client.appendToStream(streamId, events.map(toEventData), { expectedRevision: expectedRevisionOf(expectedVersion), deadline: DEADLINE_MS }),
      );
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw new WrongExpectedVersion(streamId, expectedVersion, currentVersionOf(error.actualVersion));
      throw error;
    }
    // The append's answer gives the position of the write's last event, not each event's: they are
    // read back (one round trip, from the leader that took them), as stored, as readers will see them.
    const stored = await readWithin(
      `Reading back the append to ${streamId}`,
      DEADLINE_MS,
      this.client.readStream(streamId, { fromRevision: BigInt(expectedVersion), maxCount: events.length, requiresLeader: true }),
    );
    const appended = stored.map(toStoredEvent);
    this.subscription.saw(appended.at(-1)!.position);
    return { nextVersion: expectedVersion + events.length, events: appended };
  }

  async readStream(streamId: string, afterVersion = 0): Promise<StoredEvent[]> {
    // Revisions count from 0: the event after version v is at revision v.
    const fromRevision = afterVersion === 0 ? START : BigInt(afterVersion);
    try {
      return (await readWithin(`Reading ${streamId}`, DEADLINE_MS, this.client.readStream(streamId, { fromRevision }))).map(toStoredEvent);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  async readAll(after: GlobalPosition, limit: number): Promise<StoredEvent[]> {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`readAll limit must be ≥ 1, not ${limit}`);
    // One more than asked: the read may start with the event at `after`, which is not after it.
    const read = readParticipantLog(this.client, { from: readPositionOf(after), direction: FORWARDS, maxCount: limit + 1 });
    const events = (await readWithin('Reading the participant log', DEADLINE_MS, read)).map(toStoredEvent);
    return events.filter((event) => event.position > after).slice(0, limit);
  }

  /** Decodes every event: the client parses each event's JSON as it receives it, whatever its type. */
  async readTypes(after: GlobalPosition, limit: number, types: ReadonlySet<string>): Promise<LogWindow> {
    return windowOf(await this.readAll(after, limit), after, types);
  }

  async headPosition(): Promise<GlobalPosition> {
    return (await this.readHead())?.commit ?? START_OF_LOG;
  }

  async waitForEvents(after: GlobalPosition, signal?: AbortSignal): Promise<void> {
    this.subscription.start();
    return this.subscription.waitFor(after, signal);
  }

  /** Tells `listener` each event of the log the subscription delivers, in order and once, from its start on; answers the function that stops it. */
  onEvent(listener: (event: StoredEvent) => void): () => void {
    this.subscription.start();
    return this.subscription.onEvent(listener);
  }

  /** Whether the subscription to the log is up (confirmed by the server): false before its first use, and while it resubscribes. */
  reachable(): boolean {
    return this.subscription.reachable;
  }

  /** Ends the subscription (waiters resolve) and disposes the client. */
  async close(): Promise<void> {
    await this.subscription.close();
    await this.client.dispose();
  }

  /** Where the last participant event is; null when there is none. */
  private async readHead(): Promise<Position | null> {
    const read = readParticipantLog(this.client, { from: END, direction: BACKWARDS, maxCount: 1 });
    const [last] = await readWithin('Reading the head of the participant log', HEAD_DEADLINE_MS, read);
    return last?.event?.position ?? null;
  }
}
