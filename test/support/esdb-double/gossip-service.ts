import type { IGossipServer } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { UUID } from '@eventstore/db-client/generated/shared_pb';

/**
 * Gossip.Read (src/EventStore.Core/Services/Transport/Grpc/Gossip.Read.cs) answering as a one-node
 * cluster: the double itself, alive and leader, at the host and port it listens on, so that an
 * esdb+discover:// client chooses it.
 */
export function gossipService(host: string, port: () => number): IGossipServer {
  const instanceId = crypto.randomUUID();
  return {
    read: (_call, callback) => {
      const self = new MemberInfo()
        .setInstanceId(new UUID().setString(instanceId))
        .setTimeStamp((BigInt(Date.now()) * 10_000n).toString())
        .setState(MemberInfo.VNodeState.LEADER)
        .setIsAlive(true)
        .setHttpEndPoint(new EndPoint().setAddress(host).setPort(port()));
      callback(null, new ClusterInfo().setMembersList([self]));
    },
  };
}
