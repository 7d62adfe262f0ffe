import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { eventFilterOf } from './event-filter';
import type { EventLog, LogPosition, StoredEvent } from './log';
import { streamNameOf } from './proto-values';

/** What a read (not a subscription) answers. */
export type ReadOutcome =
  | { readonly kind: 'events'; readonly events: readonly StoredEvent[] }
  | { readonly kind: 'not-found'; readonly streamId: string }
  | { readonly kind: 'deleted'; readonly streamId: string };

const { ReadDirection, StreamOptions, AllOptions } = ReadReq.Options;

/** Compares log positions in log order (commit first, then prepare). */
export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

/** The position a request names in $all (START and END are answered by the caller). */
export function requestedPosition(all: ReadReq.Options.AllOptions): LogPosition {
  const position = all.getPosition();
  return { commit: BigInt(position?.getCommitPosition() ?? '0'), prepare: BigInt(position?.getPreparePosition() ?? '0') };
}

/** The events a Read without subscription options returns, at most `count` of them. */
export function readEvents(log: EventLog, options: ReadReq.Options): ReadOutcome {
  const count = Number(BigInt(options.getCount() || '0'));
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  const stream = options.getStream();
  if (options.hasStream() && stream) {
    const streamId = streamNameOf(stream.getStreamIdentifier());
    const found = log.readStream(streamId);
    if (found.kind !== 'events') return { kind: found.kind, streamId };
    return { kind: 'events', events: fromRevision(found.events, stream, backwards).slice(0, count) };
  }
  const filter = eventFilterOf(options);
  return { kind: 'events', events: fromPosition(log.records(), options.getAll() ?? new AllOptions(), backwards).filter(filter).slice(0, count) };
}

function fromRevision(events: readonly StoredEvent[], stream: ReadReq.Options.StreamOptions, backwards: boolean): StoredEvent[] {
  const option = stream.getRevisionOptionCase();
  if (backwards) {
    const upTo = option === StreamOptions.RevisionOptionCase.REVISION ? BigInt(stream.getRevision()) : option === StreamOptions.RevisionOptionCase.START ? 0n : undefined;
    return [...events].reverse().filter((event) => upTo === undefined || event.revision <= upTo);
  }
  if (option === StreamOptions.RevisionOptionCase.END) return [];
  const from = option === StreamOptions.RevisionOptionCase.REVISION ? BigInt(stream.getRevision()) : 0n;
  return events.filter((event) => event.revision >= from);
}

/**
 * Records of $all from a position. Forwards the position is a pre-position: the record starting
 * there is included; backwards it is a post-position: only records before it (IAllReader in
 * src/EventStore.Core/Services/Storage/ReaderIndex/AllReader.cs: "Positions is specified as
 * pre-positions (pointer at the beginning of the record)" / "post-positions (pointer after the end of record)").
 */
function fromPosition(records: readonly StoredEvent[], all: ReadReq.Options.AllOptions, backwards: boolean): StoredEvent[] {
  const option = all.getAllOptionCase();
  if (backwards) {
    const newestFirst = [...records].reverse();
    if (option !== AllOptions.AllOptionCase.POSITION) return option === AllOptions.AllOptionCase.START ? [] : newestFirst;
    const before = requestedPosition(all);
    return newestFirst.filter((event) => comparePositions(event.position, before) < 0);
  }
  if (option === AllOptions.AllOptionCase.END) return [];
  if (option !== AllOptions.AllOptionCase.POSITION) return [...records];
  const from = requestedPosition(all);
  return records.filter((event) => comparePositions(event.position, from) >= 0);
}
