import type { IServerFeaturesServer } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';

/** The server version the double claims: the 23.10 LTS line the client 6.2 is made for. */
export const CLAIMED_SERVER_VERSION = '23.10.0';

/**
 * The methods the double serves, named and featured as src/EventStore.Core/Services/Transport/Grpc/
 * ServerFeatures.cs lists them (lower-cased; reads "position", "events"; BatchAppend
 * "deadline_duration"). Advertising BatchAppend makes the client append through it, as it does
 * with a real 23.10 node (dist/streams/appendToStream/index.js); the double serves Append too, for
 * calls with per-call credentials.
 */
const METHODS: ReadonlyArray<readonly [service: string, method: string, features: readonly string[]]> = [
  ['event_store.client.streams.streams', 'read', ['position', 'events']],
  ['event_store.client.streams.streams', 'append', []],
  ['event_store.client.streams.streams', 'batchappend', ['deadline_duration']],
  ['event_store.client.streams.streams', 'delete', []],
  ['event_store.client.streams.streams', 'tombstone', []],
  ['event_store.client.gossip.gossip', 'read', []],
  ['event_store.client.server_features.serverfeatures', 'getsupportedmethods', []],
];

/** ServerFeatures.GetSupportedMethods. */
export function serverFeaturesService(): IServerFeaturesServer {
  return {
    getSupportedMethods: (_call, callback) => {
      const methods = METHODS.map(([service, method, features]) =>
        new SupportedMethod().setServiceName(service).setMethodName(method).setFeaturesList([...features]),
      );
      callback(null, new SupportedMethods().setEventStoreServerVersion(CLAIMED_SERVER_VERSION).setMethodsList(methods));
    },
  };
}
