/**
 * The event store as the service sees it: small enough for SQLite and EventStoreDB to implement
 * alike, and asynchronous so that a networked store fits behind it.
 */
export interface EventStore {
  /**
   * Appends events to a stream in one transaction, if the stream holds exactly `expectedVersion`
   * events (0: the stream must not exist). Rejects with WrongExpectedVersion otherwise.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], expectedVersion: number): Promise<AppendResult>;
  /**
   * The stream's events after version `afterVersion` (0, the default: all of them), oldest first;
   * empty when the stream does not exist or holds no more. A stream's versions have no gaps, so
   * what a reader already holds plus this read is the whole stream.
   */
  readStream(streamId: string, afterVersion?: number): Promise<StoredEvent[]>;
  /** Events of every stream after `after` (exclusive) in global order, at most `limit` of them. */
  readAll(after: GlobalPosition, limit: number): Promise<StoredEvent[]>;
  /**
   * The same `limit` events as `readAll`, for a reader of `types` only (a projection's rebuild):
   * those of other types are passed over without being decoded, which is most of what a reader of
   * few types would pay for them.
   */
  readTypes(after: GlobalPosition, limit: number, types: ReadonlySet<string>): Promise<LogWindow>;
  /** Position of the last event in the log; 0n when the log is empty. */
  headPosition(): Promise<GlobalPosition>;
  /**
   * Resolves once the log holds an event after `after`, or when `signal` aborts (then it resolves
   * too: the caller checks its own state).
   */
  waitForEvents(after: GlobalPosition, signal?: AbortSignal): Promise<void>;
}

/** Position in the ordered global log; positions only grow, gaps are allowed. */
export type GlobalPosition = bigint;

export const START_OF_LOG: GlobalPosition = 0n;

export interface EventMetadata {
  /** When the service recorded the event (ISO-8601 UTC), as opposed to when it happened. */
  recordedAt: string;
  recordedBy: string;
  commandId: string | null;
}

export interface NewEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface StoredEvent extends NewEvent {
  streamId: string;
  /** 1 for a stream's first event. */
  version: number;
  position: GlobalPosition;
}

/** Events of the log read after a position, of which the reader was given those of its types. */
export interface LogWindow {
  /** The window's events of the types asked for, in order. */
  events: StoredEvent[];
  /** Events in the window, of any type: fewer than the limit means it reached the head. */
  size: number;
  /** Its last event's position, of any type (where its reader goes on from); `after` when empty. */
  end: GlobalPosition;
}

/** The window of a `readAll` answer after `after`: for a store that decodes every event it reads anyway. */
export function windowOf(events: StoredEvent[], after: GlobalPosition, types?: ReadonlySet<string>): LogWindow {
  return {
    events: types === undefined ? events : events.filter((event) => types.has(event.type)),
    size: events.length,
    end: events.at(-1)?.position ?? after,
  };
}

export interface AppendResult {
  /** The stream's version after the append. */
  nextVersion: number;
  /** The appended events, as stored. */
  events: StoredEvent[];
}

export class WrongExpectedVersion extends Error {
  override readonly name = 'WrongExpectedVersion';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${currentVersion}, not ${expectedVersion}`);
  }
}
