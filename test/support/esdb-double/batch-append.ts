import type { ServerDuplexStream } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { AllStreamPosition, BadRequest, StreamDeleted, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { ExpectedRevision } from './expected-revision';
import type { EventLog, ProposedEvent, WriteOutcome } from './log';
import { isServiceError, proposedEventOf, streamIdentifier, streamNameOf, toPositionMessage } from './proto-values';

type BatchAppendCall = ServerDuplexStream<BatchAppendReq, BatchAppendResp>;

interface PendingBatch {
  options?: BatchAppendReq.Options;
  readonly events: ProposedEvent[];
  refusal?: Status;
}

const { ExpectedStreamPositionCase } = BatchAppendReq.Options;

/**
 * Streams.BatchAppend.cs: one long-lived call carries many appends, each a series of requests under
 * one correlation id (options in the first, `is_final` on the last); each append is answered on the
 * call with that id, its stream, what was expected, and a success or a google.rpc.Status error.
 */
export function serveBatchAppend(log: EventLog, call: BatchAppendCall): void {
  const pending = new Map<string, PendingBatch>();
  call.on('data', (request: BatchAppendReq) => {
    const correlationId = request.getCorrelationId()?.getString() ?? '';
    const batch = pending.get(correlationId) ?? { events: [] };
    if (request.hasOptions()) batch.options = request.getOptions();
    for (const message of request.getProposedMessagesList()) {
      const proposed = proposedEventOf(message);
      if (isServiceError(proposed)) batch.refusal ??= badRequest(proposed.details);
      else batch.events.push(proposed);
    }
    if (!request.getIsFinal()) {
      pending.set(correlationId, batch);
      return;
    }
    pending.delete(correlationId);
    call.write(answer(log, request, batch));
  });
  call.on('end', () => call.end());
}

function answer(log: EventLog, request: BatchAppendReq, batch: PendingBatch): BatchAppendResp {
  const options = batch.options ?? new BatchAppendReq.Options();
  const streamId = streamNameOf(options.getStreamIdentifier());
  const expected = expectedOf(options);
  const response = new BatchAppendResp().setCorrelationId(request.getCorrelationId()).setStreamIdentifier(streamIdentifier(streamId));
  if (expected === 'any') response.setAny(new Empty());
  else if (expected === 'no_stream') response.setNoStream(new Empty());
  else if (expected === 'stream_exists') response.setStreamExists(new Empty());
  else response.setStreamPosition(expected.toString());
  if (batch.refusal) return response.setError(batch.refusal);
  const outcome = log.append(streamId, expected, batch.events);
  return outcome.kind === 'written' ? response.setSuccess(success(outcome)) : response.setError(failure(outcome, streamId, expected));
}

function expectedOf(options: BatchAppendReq.Options): ExpectedRevision {
  switch (options.getExpectedStreamPositionCase()) {
    case ExpectedStreamPositionCase.STREAM_POSITION:
      return BigInt(options.getStreamPosition());
    case ExpectedStreamPositionCase.NO_STREAM:
      return 'no_stream';
    case ExpectedStreamPositionCase.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
}

function success(outcome: Extract<WriteOutcome, { kind: 'written' }>): BatchAppendResp.Success {
  const result = new BatchAppendResp.Success();
  if (outcome.currentRevision === undefined) result.setNoStream(new Empty());
  else result.setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.position) result.setPosition(toPositionMessage(new AllStreamPosition(), outcome.position));
  else result.setNoPosition(new Empty());
  return result;
}

/** The statuses of src/EventStore.Core/Services/Transport/Grpc/Status.cs, with their packed details. */
function failure(outcome: Exclude<WriteOutcome, { kind: 'written' }>, streamId: string, expected: ExpectedRevision): Status {
  if (outcome.kind === 'stream-deleted') {
    return status(Code.NOT_FOUND, 'StreamDeleted', new StreamDeleted().setStreamIdentifier(streamIdentifier(streamId)));
  }
  const details = new WrongExpectedVersion();
  if (outcome.currentRevision === undefined) details.setCurrentNoStream(new Empty());
  else details.setCurrentStreamRevision(outcome.currentRevision.toString());
  if (expected === 'any') details.setExpectedAny(new Empty());
  else if (expected === 'no_stream') details.setExpectedNoStream(new Empty());
  else if (expected === 'stream_exists') details.setExpectedStreamExists(new Empty());
  else details.setExpectedStreamPosition(expected.toString());
  return status(Code.ALREADY_EXISTS, 'WrongExpectedVersion', details);
}

const badRequest = (message: string): Status => status(Code.INVALID_ARGUMENT, 'BadRequest', new BadRequest().setMessage(message));

/** A status named for its details message (event_store.client.<name>), as the server's are. */
function status(code: Code, name: string, details: { serializeBinary(): Uint8Array }): Status {
  const any = new Any();
  any.pack(details.serializeBinary(), `event_store.client.${name}`);
  return new Status().setCode(code).setMessage(name).setDetails(any);
}
