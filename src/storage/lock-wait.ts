import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailable } from './store-unavailable';
import { isBusy } from './write-ahead-log';

/**
 * How long a write of the service waits for another process's write lock (a rebuild's swap, an
 * import) before it is refused: twice the longest swap measured at a million participants (case-files, 31 s, when
 * the swap copied the rebuilt tables under the lock; they are copied in before it since).
 */
export const LOCK_WAIT_MS = 60_000;
/** How often it tries to take that lock meanwhile. */
export const LOCK_RETRY_MS = 20;
/** What a client refused after that wait is told: the lock may be held a while longer. */
const RETRY_AFTER_SECONDS = 5;

/** The refusal of a write that waited `waitMs` for another process's write lock: nothing of it is stored. */
export const lockHeldTooLong = (waitMs: number): StoreUnavailable =>
  new StoreUnavailable('SQLITE_BUSY', `another process held the write lock for ${Math.round(waitMs / 1_000)} s`, RETRY_AFTER_SECONDS);

/**
 * Runs `write` (one transaction, or one statement) once no other process holds the write lock:
 * tried without SQLite's busy wait (`noBusyWait`), which would hold the event loop, then again
 * every LOCK_RETRY_MS between turns of it, for `waitMs` at most; then refused (lockHeldTooLong).
 */
export async function whenTheLockIsFree<T>(noBusyWait: <U>(work: () => U) => U, write: () => T, waitMs = LOCK_WAIT_MS): Promise<T> {
  const started = performance.now();
  for (;;) {
    try {
      return noBusyWait(write);
    } catch (error) {
      if (!isBusy(error)) throw error;
    }
    if (performance.now() - started >= waitMs) throw lockHeldTooLong(waitMs);
    await sleep(LOCK_RETRY_MS);
  }
}
