import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  type BaseOptions,
  type Direction,
  END,
  type EventStoreDBClient,
  type Filter,
  type Position,
  type ReadPosition,
  START,
  type StreamingRead,
  streamNameFilter,
} from '@eventstore/db-client';
import { ReadStream } from '@eventstore/db-client/dist/streams/utils/ReadStream';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { PARTICIPANT_STREAM_PREFIX } from '../../journey/application/journey-repository';
import type { CallOptions, ClientReadableStream, Metadata } from '@grpc/grpc-js';


/** The subscription's filter; the server reports its progress through the rest of $all to `checkpointReached`. */
export const participantStreams = (checkpointReached: (position: Position) => void): Filter =>
  streamNameFilter({ prefixes: [PARTICIPANT_STREAM_PREFIX], checkpointReached: (_, position) => checkpointReached(position) });

/** What the client's own calls use of it: protected, hence this view of them. */
interface ClientInternals {
  GRPCStreamCreator(
    client: typeof StreamsClient,
    debugName: string,
    creator: (client: StreamsClient) => ClientReadableStream<ReadResp>,
  ): () => Promise<ClientReadableStream<ReadResp>>;
  callArguments(options: BaseOptions, callOptions: Partial<CallOptions>): [Metadata, Partial<CallOptions>];
}

interface ParticipantLogRead {
  from: ReadPosition;
  direction: Direction;
  maxCount: number;
}

/**
 * Events of participants' streams in $all, filtered by the server. The client (6.2) reads $all
 * unfiltered only, though the server filters reads as it filters subscriptions: this sends the
 * request its readAll sends, with the filter its subscribeToAll sends, over the client's channel
 * (which reconnects to the leader as for its own calls). A read from a position may include the
 * event at it.
 */
export function readParticipantLog(client: EventStoreDBClient, { from, direction, maxCount }: ParticipantLogRead): StreamingRead<AllStreamResolvedEvent> {
  const all = new ReadReq.Options.AllOptions();
  if (from === START) all.setStart(new Empty());
  else if (from === END) all.setEnd(new Empty());
  else all.setPosition(new ReadReq.Options.Position().setCommitPosition(from.commit.toString()).setPreparePosition(from.prepare.toString()));
  const filter = new ReadReq.Options.FilterOptions()
    .setStreamIdentifier(new ReadReq.Options.FilterOptions.Expression().setPrefixList([PARTICIPANT_STREAM_PREFIX]))
    .setCount(new Empty())
    .setCheckpointintervalmultiplier(1);
  const options = new ReadReq.Options()
    .setAll(all)
    .setReadDirection(direction === BACKWARDS ? ReadReq.Options.ReadDirection.BACKWARDS : ReadReq.Options.ReadDirection.FORWARDS)
    .setResolveLinks(false)
    .setCount(maxCount.toString())
    .setUuidOption(new ReadReq.Options.UUIDOption().setString(new Empty()))
    .setFilter(filter);
  const request = new ReadReq().setOptions(options);
  const internals = client as unknown as ClientInternals;
  // Without a gRPC deadline, as the client's reads: the caller bounds the whole read (answerWithin).
  const createStream = internals.GRPCStreamCreator(StreamsClient, 'readParticipantLog', (streams) =>
    streams.read(request, ...internals.callArguments({}, { deadline: Infinity })),
  );
  return new ReadStream<AllStreamResolvedEvent>(createStream, convertGrpcEvent, {});
}
