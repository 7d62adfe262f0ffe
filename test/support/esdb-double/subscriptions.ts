import type { ServerWritableStream, ServiceError } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { eventFilterOf, searchWindowOf, type EventFilter } from './event-filter';
import { TOMBSTONE_TYPE, type EventLog, type StoredEvent } from './log';
import { eventResponse, serverNotReady, streamDeleted, streamNameOf, toPositionMessage } from './proto-values';
import { comparePositions, requestedPosition } from './reads';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

const { StreamOptions, AllOptions } = ReadReq.Options;

/**
 * The open subscriptions (Read with subscription options) of the double. Each answers, as the
 * server's Enumerators.StreamSubscription.cs / AllSubscription(Filtered).cs do: a confirmation with
 * its id, the events after the start (exclusive: "The positions provided to the subscriptions are
 * exclusive", docs "Subscribing from a Position", kurrent-io/KurrentDB-Client-NodeJS docs/api/subscriptions.md;
 * AllSubscriptionFiltered.cs starts after the record at the position), `caught_up`, then live events.
 * Catch-up and the switch to live run in one turn of the event loop, so no write falls between.
 */
export class Subscriptions {
  private readonly open = new Map<ReadCall, () => void>();

  constructor(private readonly log: EventLog) {}

  /** Serves a subscription until the client cancels it or the double drops it. */
  serve(call: ReadCall, options: ReadReq.Options): void {
    const stream = options.getStream();
    if (options.hasStream() && stream) this.serveStream(call, streamNameOf(stream.getStreamIdentifier()), stream);
    else this.serveAll(call, options);
  }

  /** Ends every open subscription with UNAVAILABLE, as when the node stops being leader. */
  dropAll(): void {
    for (const call of [...this.open.keys()]) this.fail(call, serverNotReady());
  }

  private serveStream(call: ReadCall, streamId: string, stream: ReadReq.Options.StreamOptions): void {
    if (this.log.isTombstoned(streamId)) {
      call.emit('error', streamDeleted(streamId));
      return;
    }
    confirm(call);
    const found = this.log.readStream(streamId);
    const option = stream.getRevisionOptionCase();
    const after = option === StreamOptions.RevisionOptionCase.REVISION ? BigInt(stream.getRevision()) : -1n;
    const past = found.kind === 'events' && option !== StreamOptions.RevisionOptionCase.END ? found.events : [];
    for (const event of past) if (event.revision > after) call.write(eventResponse(event));
    call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    this.goLive(call, (event) => {
      if (event.streamId !== streamId) return;
      if (event.type === TOMBSTONE_TYPE) this.fail(call, streamDeleted(streamId));
      else call.write(eventResponse(event));
    });
  }

  private serveAll(call: ReadCall, options: ReadReq.Options): void {
    confirm(call);
    const filter = eventFilterOf(options);
    const past = this.recordsAfterStart(options.getAll() ?? new AllOptions());
    if (!options.hasFilter()) {
      for (const event of past) call.write(eventResponse(event));
      call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
      this.goLive(call, (event) => call.write(eventResponse(event)));
      return;
    }
    this.serveFiltered(call, past, filter, searchWindowOf(options));
  }

  /**
   * A filtered $all subscription with checkpoints, following Enumerators.AllSubscriptionFiltered.cs:
   * catch-up reads pages of `window` searched events and, after a page that is not the last, sends a
   * checkpoint once `checkpointInterval` events were searched (at the last matching event of the page,
   * or where the page began); live, src/EventStore.Core/Services/SubscriptionsService.cs counts every event and sends a checkpoint
   * at the event that completes an interval. The counter carries over from catch-up to live. The
   * server also ends a page after 32 matches; the double only counts the window.
   */
  private serveFiltered(call: ReadCall, past: readonly StoredEvent[], filter: EventFilter, search: { window: number; checkpointInterval: number }): void {
    let searched = 0;
    for (let start = 0; start < past.length; start += search.window) {
      const page = past.slice(start, start + search.window);
      const matched = page.filter(filter);
      for (const event of matched) call.write(eventResponse(event));
      searched += page.length;
      const lastPage = start + search.window >= past.length;
      if (!lastPage && searched >= search.checkpointInterval) {
        searched %= search.checkpointInterval;
        checkpoint(call, (matched.at(-1) ?? page[0]).position);
      }
    }
    call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    this.goLive(call, (event) => {
      searched++;
      if (filter(event)) call.write(eventResponse(event));
      if (searched >= search.checkpointInterval) {
        searched = 0;
        checkpoint(call, event.position);
      }
    });
  }

  /** Records after the subscription's start: all from Start, none from End, else strictly after the position. */
  private recordsAfterStart(all: ReadReq.Options.AllOptions): readonly StoredEvent[] {
    switch (all.getAllOptionCase()) {
      case AllOptions.AllOptionCase.END:
        return [];
      case AllOptions.AllOptionCase.POSITION: {
        const after = requestedPosition(all);
        return this.log.records().filter((event) => comparePositions(event.position, after) > 0);
      }
      default:
        return this.log.records();
    }
  }

  private goLive(call: ReadCall, onEvent: (event: StoredEvent) => void): void {
    const unsubscribe = this.log.onWrite(onEvent);
    this.open.set(call, unsubscribe);
    call.on('cancelled', () => this.close(call));
  }

  private fail(call: ReadCall, error: ServiceError): void {
    this.close(call);
    call.emit('error', error);
  }

  private close(call: ReadCall): void {
    this.open.get(call)?.();
    this.open.delete(call);
  }
}

function confirm(call: ReadCall): void {
  call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(crypto.randomUUID())));
}

function checkpoint(call: ReadCall, position: StoredEvent['position']): void {
  call.write(new ReadResp().setCheckpoint(toPositionMessage(new ReadResp.Checkpoint(), position)));
}
