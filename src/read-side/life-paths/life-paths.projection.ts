import type Database from 'better-sqlite3';
import { type Catalogue, timeZoneOf } from '../../catalogue/catalogue';
import type { GlobalPosition, StoredEvent } from '../../event-store/event-store.port';
import { participantOfStream } from '../../journey/application/journey-repository';
import type { JourneyEvent } from '../../journey/domain/events';
import { evolveLifePathRecord } from '../../life-paths/life-path-record';
import { recordedMonth } from '../../life-paths/release-month';
import { BatchRecords } from '../../projections/batch-records';
import type { Projection, ProjectionWriter, ReadModelProblem } from '../../projections/projection';
import { LogMonth, logMonthTable } from '../../projections/log-month';
import { oneRowPerParticipant } from '../participant-rows';
import { type HeldLifePath, heldLifePathOf, heldLifePathText, NO_STEPS, wholeLifePath } from './life-path-text';

/** The projection's name, which is also its checkpoint's key. */
export const LIFE_PATHS_PROJECTION = 'life-paths';

/** A participant's record, with what the batch learnt of it month by month. */
interface HeldRecord {
  /** The month the last event that changed it counts in (LogMonth.advance). */
  month: string;
  path: HeldLifePath;
  /** Records as they stood at the end of earlier months, closed during this batch: still to be written. */
  ended: { month: string; path: HeldLifePath }[];
}

/**
 * Each participant's life-path record, the input of the anonymised release. Folded from coded
 * fields only: the events' sealed personal data and notes never reach this table, so erasure has
 * nothing to remove here and the journey stays in the statistics.
 * Besides the current record, the record as it stood at the end of each month in which it last
 * changed (life_path_month_ends): the monthly snapshot is cut by when events were recorded, so that
 * a late or corrected milestone changes the snapshots to come, never one already released. And the
 * latest month the log has reached (life_paths_log_month): no event counts in a month before it,
 * so a month is closed for good once an event of a later one is folded (life-paths.reader.ts).
 */
export class LifePathsProjection implements Projection {
  readonly name = LIFE_PATHS_PROJECTION;
  readonly tables = ['life_paths', 'life_path_month_ends', LIFE_PATHS_LOG_MONTH];
  // 2: steps name their milestone and date, for corrections and voids. 3: month ends, for snapshots.
  // 4: the log's month, which no event goes back before. 5: steps stored as arrays of their values (life-path-text.ts).
  readonly layout = 5;

  constructor(private readonly catalogue: Catalogue) {}

  /** A record per participant, from the enrolment on. */
  verify(db: Database.Database, checkpoint: GlobalPosition): ReadModelProblem[] {
    return oneRowPerParticipant(db, 'life_paths', checkpoint);
  }

  open(db: Database.Database): ProjectionWriter {
    db.exec(`
      CREATE TABLE IF NOT EXISTS life_paths (
        participant_id TEXT PRIMARY KEY,
        month TEXT NOT NULL,
        record TEXT NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS life_path_month_ends (
        participant_id TEXT NOT NULL,
        month TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (participant_id, month)
      ) STRICT;
      ${logMonthTable(LIFE_PATHS_LOG_MONTH)}
    `);
    const select = db.prepare<[string], { month: string; record: string }>('SELECT month, record FROM life_paths WHERE participant_id = ?');
    const upsert = db.prepare<[string, string, string]>(
      `INSERT INTO life_paths (participant_id, month, record) VALUES (?, ?, ?)
       ON CONFLICT (participant_id) DO UPDATE SET month = excluded.month, record = excluded.record`,
    );
    const insertMonthEnd = db.prepare<[string, string, string]>('INSERT INTO life_path_month_ends (participant_id, month, record) VALUES (?, ?, ?)');
    const logMonth = new LogMonth(db, LIFE_PATHS_LOG_MONTH);
    const { exitClasses } = this.catalogue;
    // A participant's events come a few to a batch: the record is read and written once for them all.
    const records = new BatchRecords<HeldRecord>(
      (participantId) => {
        const row = select.get(participantId);
        return row === undefined ? undefined : { month: row.month, path: heldLifePathOf(row.record), ended: [] };
      },
      (participantId, { month, path, ended }) => {
        for (const end of ended) insertMonthEnd.run(participantId, end.month, heldLifePathText(end.path));
        upsert.run(participantId, month, heldLifePathText(path));
      },
    );
    return {
      apply: (stored: StoredEvent) => {
        const participantId = participantOfStream(stored.streamId);
        if (participantId === null) return [];
        const held = records.get(participantId);
        const event = { type: stored.type, data: stored.data } as JourneyEvent;
        // Every other event only adds a step, after the earlier ones (evolveLifePathRecord): those stay as stored.
        const changesAnyStep = event.type === 'MilestoneCorrected' || event.type === 'MilestoneVoided';
        const path = held === undefined ? null : changesAnyStep ? wholeLifePath(held.path) : held.path;
        const next = evolveLifePathRecord(path?.record ?? null, event, exitClasses, stored.version);
        if (next === null) return [];
        // Never back: an event the log holds after one of a later month (a lagging replica's clock)
        // counts in that month, so that a month the log has left is closed for good.
        const month = logMonth.advance(recordedMonth(stored.metadata.recordedAt, timeZoneOf(this.catalogue, next.city)));
        if (next === path?.record) return [];
        const ended = held === undefined ? [] : month > held.month ? [...held.ended, { month: held.month, path: held.path }] : held.ended;
        // Every field named, not spread from `path`: one shape for all held paths, which V8 copies and reads fast.
        const grown: HeldLifePath = { record: next, earlier: path?.earlier ?? NO_STEPS, read: path?.read };
        records.set(participantId, { month, path: grown, ended });
        // No live subscription follows life paths: the release is recomputed when read.
        return [];
      },
      flush: () => {
        records.flush();
        logMonth.flush();
      },
      discard: () => {
        records.discard();
        logMonth.discard();
      },
    };
  }
}

/** The table of the latest month an event of the log was recorded in, as far as the projection has folded it. */
export const LIFE_PATHS_LOG_MONTH = 'life_paths_log_month';
