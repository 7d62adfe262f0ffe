import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { ExpectedRevision } from './expected-revision';
import type { LogPosition, ProposedEvent, StoredEvent } from './log';

/** The stream name a request carries (UTF-8 bytes on the wire). */
export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

/** A StreamIdentifier message for a stream name. */
export function streamIdentifier(streamId: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8'));
}

/** The oneof of expected revision shared by AppendReq, DeleteReq and TombstoneReq options (same field numbers). */
interface ExpectedRevisionOptions {
  getExpectedStreamRevisionCase(): number;
  getRevision(): string;
}

const REVISION_CASE = 2;
const NO_STREAM_CASE = 3;
const ANY_CASE = 4;
const STREAM_EXISTS_CASE = 5;

/** The expected revision of an Append, Delete or Tombstone request. */
export function expectedRevisionOf(options: ExpectedRevisionOptions): ExpectedRevision {
  switch (options.getExpectedStreamRevisionCase()) {
    case REVISION_CASE:
      return BigInt(options.getRevision());
    case NO_STREAM_CASE:
      return 'no_stream';
    case STREAM_EXISTS_CASE:
      return 'stream_exists';
    case ANY_CASE:
    default:
      return 'any';
  }
}

/** The proposed message of Append and of BatchAppend (identical fields). */
interface ProposedMessage {
  getId(): UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

/**
 * The event a proposed message describes. "type" and "content-type" are required metadata, as in
 * Streams.Append.cs (RpcExceptions.RequiredMetadataPropertyMissing otherwise).
 */
export function proposedEventOf(message: ProposedMessage): ProposedEvent | ServiceError {
  const type = message.getMetadataMap().get('type');
  const contentType = message.getMetadataMap().get('content-type');
  if (type === undefined || contentType === undefined) return requiredMetadataMissing();
  return {
    id: message.getId()?.getString() || crypto.randomUUID(),
    type,
    contentType,
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

/** .NET ticks (100 ns) since the Unix epoch: the server's "created" metadata. */
const ticksSinceEpoch = (date: Date): string => (BigInt(date.getTime()) * 10_000n).toString();

/**
 * A ReadResp carrying one event, shaped as Streams.Read.cs ConvertToReadEvent does: the record with
 * its positions and "type", "content-type", "created" metadata, and the commit position beside it.
 * Ids go out as strings: the client always asks for the string UUID option.
 */
export function eventResponse(event: StoredEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.commit.toString())
    .setPreparePosition(event.position.prepare.toString())
    .setData(event.data)
    .setCustomMetadata(event.metadataBytes);
  recorded.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', ticksSinceEpoch(event.created));
  return new ReadResp().setEvent(new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.commit.toString()));
}

/** A message class with commit and prepare position setters (the several Position messages of the protocol). */
interface PositionMessage<T> {
  setCommitPosition(value: string): T;
  setPreparePosition(value: string): T;
}

/** Fills a protocol Position message from a log position. */
export function toPositionMessage<T extends PositionMessage<T>>(message: T, position: LogPosition): T {
  return message.setCommitPosition(position.commit.toString()).setPreparePosition(position.prepare.toString());
}

/** A gRPC error with the "exception" trailers the client reads (RpcExceptions.cs). */
function rpcError(code: status, details: string, trailers: Record<string, string>): ServiceError {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

/** RpcExceptions.StreamDeleted: FAILED_PRECONDITION, exception "stream-deleted". */
export const streamDeleted = (streamId: string): ServiceError =>
  rpcError(status.FAILED_PRECONDITION, `Event stream '${streamId}' is deleted.`, { exception: 'stream-deleted', 'stream-name': streamId });

/**
 * RpcExceptions.WrongExpectedVersion, used by Delete and Tombstone (Append answers in its response):
 * FAILED_PRECONDITION with the expected version as a long (-2 any, -1 no stream, -4 stream exists) and
 * the actual version, empty when there is no stream.
 */
export function wrongExpectedVersion(operation: string, streamId: string, expected: ExpectedRevision, current: bigint | undefined): ServiceError {
  const expectedVersion = { any: -2n, no_stream: -1n, stream_exists: -4n }[expected as string] ?? (expected as bigint);
  return rpcError(
    status.FAILED_PRECONDITION,
    `${operation} failed due to WrongExpectedVersion. Stream: ${streamId}, Expected version: ${expectedVersion}, Actual version: ${current ?? ''}`,
    { exception: 'wrong-expected-version', 'stream-name': streamId, 'expected-version': expectedVersion.toString(), 'actual-version': current?.toString() ?? '' },
  );
}

/** RpcExceptions.RequiredMetadataPropertyMissing: INVALID_ARGUMENT. */
const requiredMetadataMissing = (): ServiceError =>
  rpcError(status.INVALID_ARGUMENT, "Required Metadata Property 'type' or 'content-type' is missing", {
    exception: 'missing-required-metadata-property',
    'required-metadata-properties': 'type,content-type',
  });

/** RpcExceptions.ServerNotReady: UNAVAILABLE, what a node that stops being leader answers. */
export const serverNotReady = (): ServiceError => rpcError(status.UNAVAILABLE, 'Server Is Not Ready', {});

/** Whether a value is a gRPC error built here rather than a result. */
export const isServiceError = (value: unknown): value is ServiceError => value instanceof Error && 'code' in value;
