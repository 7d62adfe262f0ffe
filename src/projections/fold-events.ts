import { errorMessage } from './error-message';
import type { GlobalPosition, StoredEvent } from '../event-store/event-store.port';
import type { ProjectionWriter } from './projection';

/** An event a projection could not apply: names the event by position only, never by its data. */
export class EventApplyFailed extends Error {
  override readonly name = 'EventApplyFailed';
  constructor(
    readonly position: GlobalPosition,
    cause: unknown,
  ) {
    super(errorMessage(cause), { cause });
  }
}

/**
 * Applies the events after `checkpoint` in order, then flushes the writer, and returns the
 * distinct topics they changed. Events at or below the checkpoint are skipped: whoever moved the
 * checkpoint there already applied them. Meant to run inside the caller's transaction, which a
 * throw rolls back whole; the writer discards what it held of the batch before the throw goes on.
 */
export function foldEvents(writer: ProjectionWriter, events: readonly StoredEvent[], checkpoint: GlobalPosition): Set<string> {
  const topics = new Set<string>();
  try {
    for (const event of events) {
      if (event.position <= checkpoint) continue;
      let changed: readonly string[];
      try {
        changed = writer.apply(event);
      } catch (error) {
        throw new EventApplyFailed(event.position, error);
      }
      for (const topic of changed) topics.add(topic);
    }
    writer.flush?.();
  } catch (error) {
    writer.discard?.();
    throw error;
  }
  return topics;
}

/**
 * Lets the writer prepare the batch before its transaction (`ProjectionWriter.prepare`); what it
 * prepared goes if preparing fails, as with a batch that fails to fold. Resolves at once, without
 * a turn of the event loop, for a writer with nothing to prepare.
 */
export function prepareBatch(writer: ProjectionWriter, events: readonly StoredEvent[]): Promise<void> | undefined {
  return writer.prepare?.(events).catch((error: unknown) => {
    writer.discard?.();
    throw error;
  });
}
