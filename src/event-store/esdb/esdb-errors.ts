import { ErrorType, isCommandError } from '@eventstore/db-client';
import { status } from '@grpc/grpc-js';
import { StoreUnavailable } from '../../storage/store-unavailable';

/**
 * Transport faults, and how long a client should wait before retrying: a leader election or a
 * restarting node takes seconds; a client that reached a follower reconnects to the leader at once.
 */
const TRANSPORT_FAULTS: Partial<Record<ErrorType, { code: string; retryAfterSeconds: number }>> = {
  [ErrorType.UNAVAILABLE]: { code: 'ESDB_UNAVAILABLE', retryAfterSeconds: 5 },
  [ErrorType.CANCELLED]: { code: 'ESDB_CANCELLED', retryAfterSeconds: 5 },
  [ErrorType.DEADLINE_EXCEEDED]: { code: 'ESDB_DEADLINE_EXCEEDED', retryAfterSeconds: 5 },
  [ErrorType.TIMEOUT]: { code: 'ESDB_TIMEOUT', retryAfterSeconds: 5 },
  [ErrorType.NOT_LEADER]: { code: 'ESDB_NOT_LEADER', retryAfterSeconds: 1 },
};

/**
 * gRPC codes the client passes on as UnknownError that are faults of the transport, not of the
 * request: a node dying mid-call resets its stream (INTERNAL), a node out of resources sheds load.
 */
const UNKNOWN_TRANSPORT_FAULTS: ReadonlySet<number> = new Set([status.INTERNAL, status.RESOURCE_EXHAUSTED]);

/** The client gives up finding a cluster's node with a plain Error of this message. */
const DISCOVERY_FAILED = /^Failed to discover after \d+ attempts/;

/** The error as StoreUnavailable when the store could not be reached or did not answer; null otherwise. */
function storeUnavailableOfEsdb(error: unknown): StoreUnavailable | null {
  if (error instanceof StoreUnavailable) return error;
  if (!(error instanceof Error)) return null;
  if (DISCOVERY_FAILED.test(error.message)) return new StoreUnavailable('ESDB_DISCOVERY_FAILED', error.message, 5);
  if (!isCommandError(error)) return null;
  if (error.type === ErrorType.UNKNOWN && error.code !== undefined && UNKNOWN_TRANSPORT_FAULTS.has(error.code)) {
    return new StoreUnavailable('ESDB_TRANSPORT_FAULT', error.message, 5);
  }
  const fault = TRANSPORT_FAULTS[error.type];
  return fault ? new StoreUnavailable(fault.code, error.message, fault.retryAfterSeconds) : null;
}

/** The error to reject with: StoreUnavailable for a transport fault, the error itself otherwise. */
export function asStoreError(error: unknown): unknown {
  return storeUnavailableOfEsdb(error) ?? error;
}

/** An answer the store did not give within `ms`: a partition, or a node too busy to answer. */
export function deadlineExceeded(what: string, ms: number): StoreUnavailable {
  return new StoreUnavailable('ESDB_DEADLINE_EXCEEDED', `${what}: no answer within ${ms} ms`, 5);
}
