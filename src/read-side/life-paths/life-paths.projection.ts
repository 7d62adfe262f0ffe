import type Database from 'better-sqlite3';
import type { Catalogue } from '../../catalogue/catalogue';
import type { GlobalPosition, StoredEvent } from '../../event-store/event-store.port';
import { participantOfStream } from '../../journey/application/journey-repository';
import type { JourneyEvent } from '../../journey/domain/events';
import { evolveLifePathRecord, type FoldedLifePath } from '../../life-paths/life-path-record';
import { BatchRecords } from '../../projections/batch-records';
import type { Projection, ProjectionWriter, ReadModelProblem } from '../../projections/projection';
import { oneRowPerParticipant } from '../participant-rows';

/** The projection's name, which is also its checkpoint's key. */
export const LIFE_PATHS_PROJECTION = 'life-paths';

/**
 * Each participant's life-path record, the input of the anonymised release. Folded from coded
 * fields only: the events' sealed personal data and notes never reach this table, so erasure has
 * nothing to remove here and the journey stays in the statistics.
 */
export class LifePathsProjection implements Projection {
  readonly name = LIFE_PATHS_PROJECTION;
  readonly tables = ['life_paths'];
  // 2: steps name their milestone and date, for corrections and voids.
  readonly layout = 2;

  constructor(private readonly catalogue: Catalogue) {}

  /** A record per participant, from the enrolment on. */
  verify(db: Database.Database, checkpoint: GlobalPosition): ReadModelProblem[] {
    return oneRowPerParticipant(db, 'life_paths', checkpoint);
  }

  open(db: Database.Database): ProjectionWriter {
    db.exec(`
      CREATE TABLE IF NOT EXISTS life_paths (
        participant_id TEXT PRIMARY KEY,
        record TEXT NOT NULL
      ) STRICT;
    `);
    const select = db.prepare<[string], string>('SELECT record FROM life_paths WHERE participant_id = ?').pluck();
    const upsert = db.prepare<[string, string]>(
      `INSERT INTO life_paths (participant_id, record) VALUES (?, ?)
       ON CONFLICT (participant_id) DO UPDATE SET record = excluded.record`,
    );
    const { exitClasses } = this.catalogue;
    // A participant's events come a few to a batch: the record is read and written once for them all.
    const records = new BatchRecords<FoldedLifePath>(
      (participantId) => {
        const row = select.get(participantId);
        return row === undefined ? undefined : (JSON.parse(row) as FoldedLifePath);
      },
      (participantId, record) => upsert.run(participantId, JSON.stringify(record)),
    );
    return {
      apply: (stored: StoredEvent) => {
        const participantId = participantOfStream(stored.streamId);
        if (participantId === null) return [];
        const previous = records.get(participantId) ?? null;
        const event = { type: stored.type, data: stored.data } as JourneyEvent;
        const next = evolveLifePathRecord(previous, event, exitClasses, stored.version);
        if (next !== null) records.set(participantId, next);
        // No live subscription follows life paths: the release is recomputed when read.
        return [];
      },
      flush: () => records.flush(),
      discard: () => records.discard(),
    };
  }
}
