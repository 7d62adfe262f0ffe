import type { sendUnaryData, ServerReadableStream, ServerWritableStream } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import {
  AppendReq,
  AppendResp,
  DeleteReq,
  DeleteResp,
  ReadReq,
  ReadResp,
  TombstoneReq,
  TombstoneResp,
} from '@eventstore/db-client/generated/streams_pb';
import { serveBatchAppend } from './batch-append';
import type { ExpectedRevision } from './expected-revision';
import type { EventLog, LogPosition, ProposedEvent, WriteOutcome } from './log';
import {
  eventResponse,
  expectedRevisionOf,
  isServiceError,
  proposedEventOf,
  streamDeleted,
  streamIdentifier,
  streamNameOf,
  toPositionMessage,
  wrongExpectedVersion,
} from './proto-values';
import { readEvents } from './reads';
import type { Subscriptions } from './subscriptions';

/** The Streams service (event_store.client.streams.Streams) over the double's log. */
export function streamsService(log: EventLog, subscriptions: Subscriptions): IStreamsServer {
  return {
    read: (call) => read(log, subscriptions, call),
    append: (call, callback) => append(log, call, callback),
    delete: (call, callback) =>
      deletion('Delete', call.request.getOptions() ?? new DeleteReq.Options(), (id, expected) => log.softDelete(id, expected), deleteResponse, callback),
    tombstone: (call, callback) =>
      deletion('Tombstone', call.request.getOptions() ?? new TombstoneReq.Options(), (id, expected) => log.tombstone(id, expected), tombstoneResponse, callback),
    batchAppend: (call) => serveBatchAppend(log, call),
  };
}

/** Streams.Read.cs: a subscription, or the events read then the end of the call. */
function read(log: EventLog, subscriptions: Subscriptions, call: ServerWritableStream<ReadReq, ReadResp>): void {
  const options = call.request.getOptions() ?? new ReadReq.Options();
  if (options.hasSubscription()) {
    subscriptions.serve(call, options);
    return;
  }
  const outcome = readEvents(log, options);
  switch (outcome.kind) {
    case 'deleted':
      call.emit('error', streamDeleted(outcome.streamId));
      return;
    case 'not-found':
      // Servers since 21.10 answer an unknown stream with a stream_not_found message, not an error.
      call.write(new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(outcome.streamId))));
      break;
    case 'events':
      for (const event of outcome.events) call.write(eventResponse(event));
  }
  call.end();
}

/**
 * Streams.Append.cs: the options first, then the proposed messages; a wrong expected version is an
 * answer (current revision or current_no_stream, and what was expected), other failures are errors.
 */
function append(log: EventLog, call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void {
  let options: AppendReq.Options | undefined;
  const events: ProposedEvent[] = [];
  let refused = false;
  call.on('data', (request: AppendReq) => {
    if (request.hasOptions()) options = request.getOptions();
    const message = request.getProposedMessage();
    if (!message || refused) return;
    const proposed = proposedEventOf(message);
    if (isServiceError(proposed)) {
      refused = true;
      callback(proposed);
    } else events.push(proposed);
  });
  call.on('end', () => {
    if (refused || !options) return;
    const streamId = streamNameOf(options.getStreamIdentifier());
    const expected = expectedRevisionOf(options);
    const outcome = log.append(streamId, expected, events);
    if (outcome.kind === 'stream-deleted') callback(streamDeleted(streamId));
    else callback(null, appendResponse(outcome, expected));
  });
}

function appendResponse(outcome: Exclude<WriteOutcome, { kind: 'stream-deleted' }>, expected: ExpectedRevision): AppendResp {
  if (outcome.kind === 'written') {
    const success = new AppendResp.Success();
    if (outcome.currentRevision === undefined) success.setNoStream(new Empty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position) success.setPosition(toPositionMessage(new AppendResp.Position(), outcome.position));
    else success.setNoPosition(new Empty());
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision === undefined) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(outcome.currentRevision.toString());
  if (expected === 'any') wrong.setExpectedAny(new Empty());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
  else wrong.setExpectedRevision(expected.toString());
  return new AppendResp().setWrongExpectedVersion(wrong);
}

/**
 * Streams.Delete.cs (soft delete) and Tombstone (hard delete): the position of the write, or the
 * error it met (RpcExceptions.StreamDeleted / WrongExpectedVersion with trailers).
 */
function deletion<Response>(
  operation: 'Delete' | 'Tombstone',
  options: DeleteReq.Options | TombstoneReq.Options,
  write: (streamId: string, expected: ExpectedRevision) => WriteOutcome,
  respond: (position: LogPosition | undefined) => Response,
  callback: sendUnaryData<Response>,
): void {
  const streamId = streamNameOf(options.getStreamIdentifier());
  const expected = expectedRevisionOf(options);
  const outcome = write(streamId, expected);
  if (outcome.kind === 'stream-deleted') callback(streamDeleted(streamId));
  else if (outcome.kind === 'wrong-expected-version') callback(wrongExpectedVersion(operation, streamId, expected, outcome.currentRevision));
  else callback(null, respond(outcome.position));
}

const deleteResponse = (position: LogPosition | undefined): DeleteResp =>
  position ? new DeleteResp().setPosition(toPositionMessage(new DeleteResp.Position(), position)) : new DeleteResp().setNoPosition(new Empty());

const tombstoneResponse = (position: LogPosition | undefined): TombstoneResp =>
  position ? new TombstoneResp().setPosition(toPositionMessage(new TombstoneResp.Position(), position)) : new TombstoneResp().setNoPosition(new Empty());
