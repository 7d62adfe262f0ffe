import type { StoredEvent } from './log';

/** Event type of stream metadata events (the client's setStreamMetadata writes it too). */
export const METADATA_TYPE = '$metadata';

/** The metadata stream of a stream: an ordinary system stream named `$$<stream>`. */
export const metastreamOf = (streamId: string): string => `$$${streamId}`;

/**
 * The events of a stream a read may return under its latest metadata: `$tb` (truncate before)
 * hides earlier revisions, `$maxCount` keeps only the last ones (docs: "Deleting streams and
 * events", developers.eventstore.com/server/v23.10/streams.html#deleting-streams-and-events).
 */
export function visibleEvents(events: readonly StoredEvent[], metadata: unknown): readonly StoredEvent[] {
  const { $tb, $maxCount } = (typeof metadata === 'object' && metadata !== null ? metadata : {}) as Record<string, unknown>;
  let visible = typeof $tb === 'number' ? events.filter((event) => event.revision >= BigInt($tb)) : events;
  if (typeof $maxCount === 'number') visible = visible.slice(Math.max(0, visible.length - $maxCount));
  return visible;
}
