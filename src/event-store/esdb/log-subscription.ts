import { type AllStreamResolvedEvent, type AllStreamSubscription, type EventStoreDBClient, type Position, type ReadPosition } from '@eventstore/db-client';
import { Logger } from '@nestjs/common';
import { type GlobalPosition, START_OF_LOG, type StoredEvent } from '../event-store.port';
import { toStoredEvent } from './esdb-events';
import { participantStreams } from './participant-log';

/** From a tenth of a second, as a dropped connection often comes back at once; 5 s apart at most, as a leader election takes seconds. */
const RESUBSCRIBE_BACKOFF = { firstDelayMs: 100, maxDelayMs: 5_000 };

interface Waiter {
  after: GlobalPosition;
  wake(): void;
}

/**
 * The one subscription of a process to the participants' log ($all filtered by the server),
 * resubscribed after every drop (a leader change, a restart, the network) from where it was:
 * the last event it delivered, or the last checkpoint the server reported past it. It wakes the
 * waiters of events after a position, and tells each event it delivers, once and in order, to
 * its listeners. Keep-alive is the client's (10 s).
 */
export class LogSubscription {
  private readonly logger = new Logger(LogSubscription.name);
  private readonly listeners = new Set<(event: StoredEvent) => void>();
  private readonly waiters = new Set<Waiter>();
  private subscription: AllStreamSubscription | null = null;
  private started = false;
  private closed = false;
  private confirmed = false;
  /** Dropped since the last confirmation: its return is worth a line. */
  private down = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs = RESUBSCRIBE_BACKOFF.firstDelayMs;
  /** Where the next subscription starts; null until the first one has asked `startFrom`. */
  private resumeFrom: ReadPosition | null = null;
  /** The last event delivered: one at or before it, which a subscription from a position may repeat, is not told again. */
  private delivered: GlobalPosition = START_OF_LOG;
  /** The last position known to hold an event: delivered, or appended by this process (which may be ahead of delivery). */
  private seen: GlobalPosition = START_OF_LOG;

  constructor(
    private readonly client: EventStoreDBClient,
    /** Where to start when nothing is known yet: the head of the log at first use. */
    private readonly startFrom: () => Promise<ReadPosition>,
  ) {}

  /** Subscribes, unless already done. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.subscribe();
  }

  /** Whether the subscription is confirmed by the server and not dropped since. */
  get reachable(): boolean {
    return this.confirmed;
  }

  /**
   * An event at `position` is in the log (this process appended it): waiters of an earlier one wake.
   * The subscription still resumes from what it delivered, so that listeners miss no event before it.
   */
  saw(position: GlobalPosition): void {
    if (position <= this.seen) return;
    this.seen = position;
    for (const waiter of this.waiters) if (waiter.after < position) waiter.wake();
  }

  /** Resolves once an event after `after` is known to be in the log, the signal aborts, or the subscription closes. */
  waitFor(after: GlobalPosition, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted || this.closed || this.seen > after) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const waiter: Waiter = {
        after,
        wake: () => {
          this.waiters.delete(waiter);
          signal?.removeEventListener('abort', waiter.wake);
          resolve();
        },
      };
      this.waiters.add(waiter);
      signal?.addEventListener('abort', waiter.wake, { once: true });
    });
  }

  /** Tells `listener` every event delivered from now on; answers the function that stops telling it. */
  onEvent(listener: (event: StoredEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ends the subscription; waiters resolve. */
  async close(): Promise<void> {
    this.closed = true;
    this.confirmed = false;
    clearTimeout(this.retryTimer);
    for (const waiter of this.waiters) waiter.wake();
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.unsubscribe();
  }

  private async subscribe(): Promise<void> {
    if (this.resumeFrom === null) {
      try {
        this.resumeFrom = await this.startFrom();
      } catch (error) {
        this.dropped(null, error);
        return;
      }
      // The head holds an event. A later start may be a checkpoint, past events of other streams
      // only: seen there, it would wake a caught-up projection into reading nothing, again and again.
      if (typeof this.resumeFrom === 'object') this.saw(this.resumeFrom.commit);
    }
    if (this.closed) return;
    const subscription = this.client.subscribeToAll({
      fromPosition: this.resumeFrom,
      filter: participantStreams((position) => this.checkpoint(subscription, position)),
    });
    this.subscription = subscription;
    subscription
      .on('confirmation', () => this.confirm(subscription))
      .on('data', (resolved: AllStreamResolvedEvent) => this.deliver(subscription, resolved))
      .on('error', (error) => this.dropped(subscription, error))
      .on('end', () => this.dropped(subscription, null));
  }

  private confirm(subscription: AllStreamSubscription): void {
    if (subscription !== this.subscription) return;
    if (this.down) this.logger.log(`Subscribed to the participant log again, from ${describePosition(this.resumeFrom)}`);
    this.down = false;
    this.confirmed = true;
    this.retryDelayMs = RESUBSCRIBE_BACKOFF.firstDelayMs;
  }

  private checkpoint(subscription: AllStreamSubscription, position: Position): void {
    if (subscription !== this.subscription) return;
    // The server has looked through $all up to here: no participant event before it is left to deliver.
    if (this.resumeFrom === null || typeof this.resumeFrom !== 'object' || position.commit > this.resumeFrom.commit) this.resumeFrom = position;
    this.confirm(subscription);
  }

  private deliver(subscription: AllStreamSubscription, resolved: AllStreamResolvedEvent): void {
    if (subscription !== this.subscription) return;
    this.confirm(subscription);
    let event: StoredEvent;
    try {
      event = toStoredEvent(resolved);
    } catch (error) {
      this.logger.error(`Skipped an event of the participant log: ${String(error)}`);
      return;
    }
    if (event.position <= this.delivered) return;
    this.delivered = event.position;
    this.resumeFrom = resolved.event!.position;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error(`A listener of the participant log failed on the event at ${event.position}: ${String(error)}`);
      }
    }
    this.saw(event.position);
  }

  private dropped(subscription: AllStreamSubscription | null, error: unknown): void {
    if (this.closed || subscription !== this.subscription) return;
    this.subscription = null;
    this.confirmed = false;
    this.down = true;
    if (subscription) void subscription.unsubscribe();
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(delay * 2, RESUBSCRIBE_BACKOFF.maxDelayMs);
    const cause = error === null ? 'ended by the server' : error instanceof Error ? error.message : String(error);
    this.logger.warn(`The subscription to the participant log is down (${cause}); resubscribing in ${delay} ms from ${describePosition(this.resumeFrom)}`);
    this.retryTimer = setTimeout(() => void this.subscribe(), delay);
    this.retryTimer.unref();
  }
}

function describePosition(position: ReadPosition | null): string {
  if (position === null) return 'the head of the log';
  return typeof position === 'object' ? `position ${position.commit}` : `the ${position} of the log`;
}
