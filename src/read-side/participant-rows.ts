import type Database from 'better-sqlite3';
import type { GlobalPosition } from '../event-store/event-store.port';
import { participantStream } from '../journey/application/journey-repository';
import type { ReadModelProblem } from '../projections/projection';

const PREFIX = participantStream('');
/** Stream ids from the prefix up to this one, excluded, are the participants': a range the primary key answers. */
const PAST_PREFIX = `${PREFIX.slice(0, -1)}${String.fromCharCode(PREFIX.charCodeAt(PREFIX.length - 1) + 1)}`;

/**
 * Participants whose enrolment (the first event of their stream) is at or before `checkpoint`:
 * every participant stream, less those enrolled after it, which a projection that has caught up
 * (the usual case) finds in an empty range of positions.
 */
function participantsEnrolledBy(db: Database.Database, checkpoint: GlobalPosition): number {
  const all = db
    .prepare<[string, string], number>('SELECT count(*) FROM streams WHERE stream_id >= ? AND stream_id < ?')
    .pluck()
    .get(PREFIX, PAST_PREFIX)!;
  const later = db
    .prepare<[bigint, string, string], number>('SELECT count(*) FROM events WHERE global_position > ? AND version = 1 AND stream_id >= ? AND stream_id < ?')
    .pluck()
    .get(checkpoint, PREFIX, PAST_PREFIX)!;
  return all - later;
}

/**
 * For a table that holds one row per participant from its enrolment on, whatever happens next
 * (erasure included): more rows than participants enrolled up to the checkpoint means the
 * checkpoint is behind the table; fewer, rows lost.
 */
export function oneRowPerParticipant(db: Database.Database, table: string, checkpoint: GlobalPosition): ReadModelProblem[] {
  const rows = db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get()!;
  const expected = participantsEnrolledBy(db, checkpoint);
  if (rows > expected) {
    const message = `${table} holds ${rows} rows, but ${expected} participants are enrolled up to its checkpoint ${checkpoint}: the checkpoint is behind the table`;
    return [{ kind: 'checkpoint', message }];
  }
  if (rows < expected) {
    return [{ kind: 'rows', message: `${table} holds ${rows} rows for ${expected} participants enrolled up to its checkpoint ${checkpoint}: ${expected - rows} missing` }];
  }
  return [];
}
