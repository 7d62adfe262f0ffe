/** The expected revision a client sends with a write, in the client's own terms. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/**
 * Whether a stream at `current` (undefined: no event yet) meets the expectation, as the server's
 * optimistic concurrency check does (docs: "Optimistic concurrency and idempotence",
 * EventStore/documentation docs/clients/dotnet/21.2/appending/optimistic-concurrency-and-idempotence.md).
 */
export function expectationMet(expected: ExpectedRevision, current: bigint | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default:
      return current === expected;
  }
}
