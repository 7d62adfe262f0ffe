/**
 * SQLite's codes for a store that cannot write now but may later, with how long a client should
 * wait before retrying: a lock of another process passes in seconds, a full disk, a read-only
 * file or an I/O error wait for an operator.
 */
const RETRY_AFTER_SECONDS: [RegExp, number][] = [
  [/^SQLITE_BUSY/, 5],
  [/^SQLITE_(FULL|READONLY|IOERR)/, 30],
];

/** The store refused a read or a write for a cause outside the request: the client may retry it as it was. */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';

  constructor(
    /** The store's code, e.g. SQLITE_FULL or ESDB_UNAVAILABLE: for operators, not for clients. */
    readonly storeCode: string,
    /** The store's message, which names no data. */
    readonly storeMessage: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`The service cannot store or read data right now: try again in ${retryAfterSeconds} seconds`);
  }

  /** What operators read in the one warning line of a refused request. */
  get detail(): string {
    return `${this.storeCode}: ${this.storeMessage}`;
  }
}

/** The error as StoreUnavailable when SQLite raised it for one of the causes above; null otherwise. */
export function storeUnavailableOf(error: unknown): StoreUnavailable | null {
  if (error instanceof StoreUnavailable) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const retryAfter = RETRY_AFTER_SECONDS.find(([pattern]) => pattern.test(code))?.[1];
  return retryAfter === undefined ? null : new StoreUnavailable(code, (error as Error).message, retryAfter);
}
