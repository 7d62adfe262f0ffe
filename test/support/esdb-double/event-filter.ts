import type { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './log';

/** Which events of $all a read or subscription lets through. */
export type EventFilter = (event: StoredEvent) => boolean;

/**
 * The filter of a request, as Streams.Read.cs ConvertToEventFilter builds it: on the stream name or
 * the event type, a regex when one is given, else any of the prefixes; no filter lets all through.
 */
export function eventFilterOf(options: ReadReq.Options): EventFilter {
  const filter = options.getFilter();
  if (!options.hasFilter() || !filter) return () => true;
  const onStreamName = filter.hasStreamIdentifier();
  const expression = onStreamName ? filter.getStreamIdentifier() : filter.getEventType();
  const regex = expression?.getRegex();
  const prefixes = expression?.getPrefixList() ?? [];
  const matches = regex ? (value: string) => new RegExp(regex).test(value) : (value: string) => prefixes.some((p) => value.startsWith(p));
  return (event) => matches(onStreamName ? event.streamId : event.type);
}

/**
 * Events searched per page and between checkpoints of a filtered subscription, as
 * Enumerators.AllSubscriptionFiltered.cs sets them: the window is `max` or else the read batch size
 * (32), and checkpoints come every `checkpointIntervalMultiplier × window` events searched.
 */
export function searchWindowOf(options: ReadReq.Options): { window: number; checkpointInterval: number } {
  const filter = options.getFilter();
  const window = filter?.hasMax() ? filter.getMax() : READ_BATCH_SIZE;
  return { window, checkpointInterval: Math.max(1, filter?.getCheckpointintervalmultiplier() ?? 1) * window };
}

/** Enumerators.ReadBatchSize in the server (src/EventStore.Core/Services/Transport/Grpc/Enumerators.cs). */
const READ_BATCH_SIZE = 32;
