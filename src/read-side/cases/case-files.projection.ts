import type Database from 'better-sqlite3';
import type { Catalogue } from '../../catalogue/catalogue';
import type { StoredEvent } from '../../event-store/event-store.port';
import type { JourneyEvent } from '../../journey/domain/events';
import { participantOfStream } from '../../journey/application/journey-repository';
import type { Projection, ProjectionWriter } from '../../projections/projection';
import { nextCaseFileText } from './case-file-text';

/**
 * Every participant's case file, for advisers' lists and case pages. Personal data stays sealed as
 * it is in the events (it is opened when read, with the participant's key), and is dropped from
 * the file when erased.
 */
export class CaseFilesProjection implements Projection {
  readonly name = 'case-files';
  readonly tables = ['case_files'];

  constructor(private readonly catalogue: Catalogue) {}

  open(db: Database.Database): ProjectionWriter {
    db.exec(`
      CREATE TABLE IF NOT EXISTS case_files (
        participant_id TEXT PRIMARY KEY,
        city TEXT NOT NULL,
        programme TEXT NOT NULL,
        status TEXT NOT NULL,
        first_enrolled_on TEXT NOT NULL,
        file TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS case_files_in_order ON case_files (first_enrolled_on, participant_id);
      CREATE INDEX IF NOT EXISTS case_files_by_city ON case_files (city, first_enrolled_on, participant_id);
    `);
    const select = db.prepare<[string], string>('SELECT file FROM case_files WHERE participant_id = ?').pluck();
    const upsert = db.prepare<[string, string, string, string, string, string]>(`
      INSERT INTO case_files (participant_id, city, programme, status, first_enrolled_on, file) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (participant_id) DO UPDATE SET
        city = excluded.city, programme = excluded.programme, status = excluded.status,
        first_enrolled_on = excluded.first_enrolled_on, file = excluded.file`);
    const update = db.prepare<[string, string, string, string]>(
      'UPDATE case_files SET programme = ?, status = ?, file = ? WHERE participant_id = ?',
    );
    return {
      apply: (stored: StoredEvent) => {
        const participantId = participantOfStream(stored.streamId);
        if (participantId === null) return [];
        const event = { type: stored.type, data: stored.data } as JourneyEvent;
        const next = nextCaseFileText(select.get(participantId), { ...stored, event }, this.catalogue);
        if (next === null) return [];
        const { before, after, text } = next;
        // The indexed columns but the id are the city and first enrolment, which an event rarely changes.
        if (before !== null && before.city === after.city && before.firstEnrolledOn === after.firstEnrolledOn) {
          update.run(after.programme, after.status, text, participantId);
        } else {
          upsert.run(participantId, after.city, after.programme, after.status, after.firstEnrolledOn, text);
        }
        return [];
      },
    };
  }
}
