import { expectationMet, type ExpectedRevision } from './expected-revision';
import { METADATA_TYPE, metastreamOf, visibleEvents } from './stream-metadata';

/** Where a record sits in the double's $all log: byte offsets, as EventStoreDB's transaction file gives them. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** An event as the double stores it, for the gRPC answers and for tests' assertions. */
export interface StoredEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  /** The data parsed, when the content type is JSON. */
  readonly json: unknown;
  /** The custom metadata parsed as JSON, undefined when absent or not JSON. */
  readonly metadata: unknown;
  readonly metadataBytes: Uint8Array;
  readonly created: Date;
  readonly position: LogPosition;
}

/** An event a client proposes to append. */
export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

/** The outcome of a write (append, soft delete, tombstone) to one stream. */
export type WriteOutcome =
  | { readonly kind: 'written'; readonly currentRevision: bigint | undefined; readonly position: LogPosition | undefined }
  | { readonly kind: 'wrong-expected-version'; readonly currentRevision: bigint | undefined }
  | { readonly kind: 'stream-deleted' };

/** What a read of one stream finds. */
export type StreamRead =
  | { readonly kind: 'events'; readonly events: readonly StoredEvent[] }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'deleted' };

/**
 * Event type of the record a hard delete writes; its revision is long.MaxValue (EventNumber.DeletedStream).
 * See the server's src/EventStore.Core/Data/EventNumber.cs and SystemEventTypes.StreamDeleted.
 */
export const TOMBSTONE_TYPE = '$streamDeleted';
const TOMBSTONE_REVISION = 2n ** 63n - 1n;

/**
 * Bytes a record takes besides its variable parts, so that positions leave gaps as byte offsets in
 * the transaction file do. The real prepare record's fixed part differs; only the gaps matter here.
 */
const RECORD_HEADER_BYTES = 64n;

/** The log opens with system records on a real node ($epoch...), so no user event sits at position 0 (Start). */
const FIRST_POSITION = RECORD_HEADER_BYTES * 4n;

interface StreamState {
  readonly events: StoredEvent[];
  tombstoned: boolean;
}

/**
 * The double's single in-memory transaction log ($all) and its streams. Synchronous on purpose:
 * JavaScript runs one request handler at a time, so every write is atomic and ordered, and a
 * subscription's catch-up and switch to live happen in one turn without missing an event.
 */
export class EventLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StreamState>();
  private readonly listeners = new Set<(event: StoredEvent) => void>();
  private nextPosition = FIRST_POSITION;

  /** Every record of $all in log order, tombstones and metadata events included. */
  records(): readonly StoredEvent[] {
    return this.all;
  }

  /** The raw events of a stream as written (the tombstone record is not among them). */
  storedEvents(streamId: string): readonly StoredEvent[] {
    return this.streams.get(streamId)?.events ?? [];
  }

  isTombstoned(streamId: string): boolean {
    return this.streams.get(streamId)?.tombstoned ?? false;
  }

  /** Revision of the stream's last event, undefined when it has none. */
  currentRevision(streamId: string): bigint | undefined {
    return this.streams.get(streamId)?.events.at(-1)?.revision;
  }

  /**
   * Appends events to a stream if the expected revision holds. Idempotent as the docs describe
   * ("Optimistic concurrency and idempotence", EventStore/documentation
   * docs/clients/dotnet/21.2/appending/optimistic-concurrency-and-idempotence.md): when the events'
   * ids are already the stream's next ones after the expected revision (or, with `any`, from the
   * first one's place), the append succeeds again with their revision and position and writes
   * nothing; when only some are, it is a wrong expected version. The answer carries the last
   * event's position, which the server reports as both commit and prepare (RequestManagerBase.cs
   * CommitPosition from CommitIndexed, WriteEvents.cs ClientSuccessMsg).
   */
  append(streamId: string, expected: ExpectedRevision, events: readonly ProposedEvent[]): WriteOutcome {
    if (this.isTombstoned(streamId)) return { kind: 'stream-deleted' };
    const current = this.currentRevision(streamId);
    const replay = this.alreadyWritten(streamId, expected, events);
    if (replay) return replay;
    if (!expectationMet(expected, current)) return { kind: 'wrong-expected-version', currentRevision: current };
    let last: StoredEvent | undefined;
    let revision = current === undefined ? 0n : current + 1n;
    for (const proposed of events) last = this.write(streamId, revision++, proposed);
    // Appending nothing succeeds at the current revision and puts nothing in the log, so no position.
    return { kind: 'written', currentRevision: last?.revision ?? current, position: last?.position };
  }

  /**
   * Soft delete: sets the stream's truncate-before (`$tb`) in its metadata stream, so that reads find
   * no stream while appends carry on from the last revision + 1 (docs: "Soft delete and
   * TruncateBefore", developers.eventstore.com/server/v23.10/streams.html#deleting-streams-and-events).
   * The server writes Int64.MaxValue there; the double writes last revision + 1, which reads and
   * appends cannot tell apart and which a JavaScript number holds exactly.
   */
  softDelete(streamId: string, expected: ExpectedRevision): WriteOutcome {
    if (this.isTombstoned(streamId)) return { kind: 'stream-deleted' };
    const current = this.currentRevision(streamId);
    if (!expectationMet(expected, current)) return { kind: 'wrong-expected-version', currentRevision: current };
    const metadata = { ...asObject(this.lastEvent(metastreamOf(streamId))?.json), $tb: Number(current === undefined ? 0n : current + 1n) };
    const written = this.append(metastreamOf(streamId), 'any', [
      { id: crypto.randomUUID(), type: METADATA_TYPE, contentType: 'application/json', data: Buffer.from(JSON.stringify(metadata)), metadata: new Uint8Array() },
    ]);
    return written.kind === 'written' ? { ...written, currentRevision: current } : written;
  }

  /**
   * Hard delete: writes the $streamDeleted record, after which the stream refuses reads and
   * appends for good; a stream that never existed can be tombstoned too (docs: "Deleting streams
   * and events", developers.eventstore.com/server/v23.10/streams.html#deleting-streams-and-events).
   */
  tombstone(streamId: string, expected: ExpectedRevision): WriteOutcome {
    if (this.isTombstoned(streamId)) return { kind: 'stream-deleted' };
    const current = this.currentRevision(streamId);
    if (!expectationMet(expected, current)) return { kind: 'wrong-expected-version', currentRevision: current };
    const record = this.write(
      streamId,
      TOMBSTONE_REVISION,
      { id: crypto.randomUUID(), type: TOMBSTONE_TYPE, contentType: 'application/octet-stream', data: new Uint8Array(), metadata: new Uint8Array() },
      false,
    );
    this.stream(streamId).tombstoned = true;
    return { kind: 'written', currentRevision: TOMBSTONE_REVISION, position: record.position };
  }

  /** Reads a stream as the server does: tombstoned → deleted; nothing visible → not found. */
  readStream(streamId: string): StreamRead {
    if (this.isTombstoned(streamId)) return { kind: 'deleted' };
    const events = visibleEvents(this.storedEvents(streamId), this.lastEvent(metastreamOf(streamId))?.json);
    return events.length === 0 ? { kind: 'not-found' } : { kind: 'events', events };
  }

  /** Calls `listener` with every record written from now on, in log order; returns the unsubscribe. */
  onWrite(listener: (event: StoredEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private lastEvent(streamId: string): StoredEvent | undefined {
    return this.storedEvents(streamId).at(-1);
  }

  private alreadyWritten(streamId: string, expected: ExpectedRevision, events: readonly ProposedEvent[]): WriteOutcome | undefined {
    if (events.length === 0) return undefined;
    const stored = this.storedEvents(streamId);
    const first =
      expected === 'no_stream' ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : stored.findIndex((e) => e.id === events[0].id);
    if (first < 0 || stored[first]?.id !== events[0].id) return undefined;
    const written = stored.slice(first, first + events.length);
    const all = written.length === events.length && written.every((event, i) => event.id === events[i].id);
    if (!all) return { kind: 'wrong-expected-version', currentRevision: this.currentRevision(streamId) };
    const last = written[written.length - 1];
    return { kind: 'written', currentRevision: last.revision, position: last.position };
  }

  private write(streamId: string, revision: bigint, proposed: ProposedEvent, inStream = true): StoredEvent {
    const position = this.nextPosition;
    const event: StoredEvent = {
      streamId,
      revision,
      id: proposed.id,
      type: proposed.type,
      contentType: proposed.contentType,
      data: proposed.data,
      json: proposed.contentType === 'application/json' ? parseJson(proposed.data) : undefined,
      metadata: parseJson(proposed.metadata),
      metadataBytes: proposed.metadata,
      created: new Date(),
      // One record per event and no explicit transaction, so commit and prepare positions are equal:
      // "Prepare position can only be different if you use explicit transactions"
      // (maintainer's answer, github.com/EventStore/EventStore/issues/3989).
      position: { commit: position, prepare: position },
    };
    this.nextPosition += recordSize(event);
    this.all.push(event);
    if (inStream) this.stream(streamId).events.push(event);
    for (const listener of [...this.listeners]) listener(event);
    return event;
  }

  private stream(streamId: string): StreamState {
    let state = this.streams.get(streamId);
    if (!state) {
      state = { events: [], tombstoned: false };
      this.streams.set(streamId, state);
    }
    return state;
  }
}

function recordSize(event: StoredEvent): bigint {
  const variable = Buffer.byteLength(event.streamId) + Buffer.byteLength(event.type) + event.data.length + event.metadataBytes.length;
  return RECORD_HEADER_BYTES + BigInt(variable);
}

function asObject(value: unknown): object {
  return typeof value === 'object' && value !== null ? value : {};
}

function parseJson(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}
