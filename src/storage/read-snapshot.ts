import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';

/** How long a long read keeps the event loop before it lets requests in: they wait about this long at most. */
export const SLICE_MS = 20;

/**
 * One state of the service's SQLite file, read for as long as it takes while the service's own
 * connection goes on writing (WAL): a connection of its own that holds a read transaction until
 * closed, so that a long read can pause between its pages (`pauses`) and still read one state. An
 * in-memory database has no second connection: its own is read, and nothing pauses.
 */
export class ReadSnapshot {
  readonly db: Database.Database;
  readonly pauses: boolean;

  constructor(service: Database.Database) {
    this.pauses = !service.memory;
    this.db = this.pauses ? new Database(service.name, { readonly: true, fileMustExist: true }) : service;
    if (this.pauses) this.db.exec('BEGIN');
  }

  close(): void {
    if (this.pauses && this.db.open) this.db.close();
  }
}

/** A clock of slices: true, and a new slice begins, once `sliceMs` have passed since the last began. */
export function sliceClock(sliceMs: number): () => boolean {
  let start = performance.now();
  return () => {
    if (performance.now() - start < sliceMs) return false;
    start = performance.now();
    return true;
  };
}

/**
 * Waits until a long read may take its next slice, the requests read meanwhile having been served.
 * A timer, not setImmediate: an iteration of the event loop runs its timers, then reads the network
 * (the requests), then runs the setImmediate callbacks, among them the group commit of the appends
 * those requests asked for (sqlite-event-store.ts), and the answers and pushes that follow it. A
 * slice resumed by setImmediate would be queued before that commit, and hold it a whole slice more.
 */
export const betweenSlices = (): Promise<void> => sleep(0);
