import { EventStoreDBClient } from '@eventstore/db-client';

/**
 * A client of the EventStoreDB node or cluster a connection string names, as given:
 * `esdb://host:2113?tls=false` for one node, `esdb+discover://host:2113` for a cluster found by
 * gossip. It connects on its first call, and again to the leader after a leader change.
 */
export function connectEventStoreDb(connectionString: string): EventStoreDBClient {
  return EventStoreDBClient.connectionString(connectionString);
}
