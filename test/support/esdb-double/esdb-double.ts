import { Server, ServerCredentials } from '@grpc/grpc-js';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { gossipService } from './gossip-service';
import { EventLog, type StoredEvent } from './log';
import { serverFeaturesService } from './server-features-service';
import { streamsService } from './streams-service';
import { Subscriptions } from './subscriptions';

export type { StoredEvent } from './log';

/**
 * A test double of an EventStoreDB node's gRPC protocol, for the real @eventstore/db-client over
 * real gRPC: Streams (Read, Append, BatchAppend, Delete, Tombstone), ServerFeatures and Gossip,
 * with events in memory only. Test-only: nothing under src/ may import it.
 */
export interface EsdbDouble {
  /** e.g. esdb://127.0.0.1:PORT?tls=false — connect the real client with EventStoreDBClient.connectionString(url) */
  readonly url: string;
  /** esdb+discover://127.0.0.1:PORT?tls=false (served by the Gossip service answering itself as the one alive leader) */
  readonly discoverUrl: string;
  readonly port: number;
  /** Ends every open subscription (Read with subscription options) with a gRPC error, as a leader change does (UNAVAILABLE). */
  dropSubscriptions(): void;
  /**
   * Shuts the server down at once (open calls fail) until the outage is ended: a test asserts what
   * it must during the outage, however slow the machine, then ends it.
   */
  refuseConnections(): Outage;
  /** Whether the stream is tombstoned (hard-deleted). */
  isTombstoned(streamId: string): boolean;
  /** Raw events of a stream as stored (type, revision, data bytes/JSON, metadata JSON, commit/prepare positions) for tests' assertions. */
  storedEvents(streamId: string): readonly StoredEvent[];
  stop(): Promise<void>;
}

/** Connections refused, until `end` listens again on the same port (and resolves once it does). */
export interface Outage {
  end(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Starts the double on `port` (default 0: any free port) and resolves once it listens. */
export async function startEsdbDouble(options: { port?: number } = {}): Promise<EsdbDouble> {
  const log = new EventLog();
  const subscriptions = new Subscriptions(log);
  let port = options.port ?? 0;

  const listen = (): Promise<Server> =>
    new Promise((resolve, reject) => {
      const server = new Server();
      server.addService(StreamsService, streamsService(log, subscriptions));
      server.addService(ServerFeaturesService, serverFeaturesService());
      server.addService(GossipService, gossipService(HOST, () => port));
      server.bindAsync(`${HOST}:${port}`, ServerCredentials.createInsecure(), (error, bound) => {
        if (error) return reject(error);
        port = bound;
        resolve(server);
      });
    });

  let server = await listen();
  let stopped = false;
  return {
    url: `esdb://${HOST}:${port}?tls=false`,
    discoverUrl: `esdb+discover://${HOST}:${port}?tls=false`,
    port,
    dropSubscriptions: () => subscriptions.dropAll(),
    refuseConnections: () => {
      server.forceShutdown();
      return {
        end: async () => {
          if (!stopped) server = await listen();
        },
      };
    },
    isTombstoned: (streamId) => log.isTombstoned(streamId),
    storedEvents: (streamId) => log.storedEvents(streamId),
    stop: async () => {
      stopped = true;
      server.forceShutdown();
    },
  };
}
