import type { EventStore, GlobalPosition, StoredEvent } from '../event-store/event-store.port';

/** What a projection loop reads the log with. */
export type LogReader = Pick<EventStore, 'waitForEvents'> & {
  /** As `EventStore.readAll`; the batch may be shared with other loops, so nobody changes it. */
  readAll(after: GlobalPosition, limit: number): Promise<readonly StoredEvent[]>;
};

interface SharedBatch {
  limit: number;
  events: Promise<readonly StoredEvent[]>;
  /** Loops it was handed to, the one that read it included. */
  served: number;
}

/**
 * The log read once for all the runner's loops: a loop asking for the batch another loop has read
 * (or is reading) at the same position gets that batch, not a read of its own. Loops catching up
 * go in step, a batch each per turn of the event loop, so every batch of the log is read and
 * decoded once for all of them instead of once per projection. Nothing waits for anyone: a loop
 * ahead of the others, or alone at its position (a projection failing, or live), reads for itself
 * as soon as it asks, and a slow or failing loop costs the others nothing but a read of their own.
 *
 * Events after a position never change (the log only grows at its end), so a batch served after
 * it was read is as good as one read then; a short one may lack events appended since, which the
 * loop reads next. An empty read is kept only while it is being read: served later, it would send
 * a loop that the head has moved past back to wait for events that are already there.
 */
export class SharedLogReads implements LogReader {
  /** By the position they were read after, oldest first. */
  private readonly batches = new Map<GlobalPosition, SharedBatch>();

  constructor(
    private readonly store: EventStore,
    /** The loops reading through it: a batch goes once each has had it. */
    private readonly readers: number,
  ) {}

  readAll(after: GlobalPosition, limit: number): Promise<readonly StoredEvent[]> {
    const shared = this.batches.get(after);
    if (shared !== undefined && shared.limit === limit) {
      if (++shared.served >= this.readers) this.batches.delete(after);
      return shared.events;
    }
    const batch: SharedBatch = { limit, events: this.store.readAll(after, limit), served: 1 };
    if (this.readers < 2) return batch.events;
    this.batches.set(after, batch);
    const forget = (): void => {
      if (this.batches.get(after) === batch) this.batches.delete(after);
    };
    batch.events.then((events) => {
      if (events.length === 0) forget();
    }, forget);
    // A loop that stopped taking batches (failing, or stopped) must not make the others' pile up.
    for (const oldest of this.batches.keys()) {
      if (this.batches.size <= this.readers) break;
      this.batches.delete(oldest);
    }
    return batch.events;
  }

  waitForEvents(after: GlobalPosition, signal?: AbortSignal): Promise<void> {
    return this.store.waitForEvents(after, signal);
  }
}
