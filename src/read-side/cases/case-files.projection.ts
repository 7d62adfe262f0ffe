import type Database from 'better-sqlite3';
import type { Catalogue } from '../../catalogue/catalogue';
import type { StoredEvent } from '../../event-store/event-store.port';
import { participantOfStream } from '../../journey/application/journey-repository';
import {
  type CaseHead,
  type CaseIdentity,
  evolveCaseHead,
  identityOf,
  type MilestoneView,
  statusOf,
  withoutNotes,
} from '../../journey/case/participant-case';
import type { JourneyEvent } from '../../journey/domain/events';
import { BatchRecords } from '../../projections/batch-records';
import type { Projection, ProjectionWriter } from '../../projections/projection';
import { timelineOf, timelineText } from './case-timeline-text';

/** A case as a batch changes it. */
interface CaseChange {
  /** The case's row; undefined until it is written. */
  caseId: number | undefined;
  /** Only for a case the batch enrols: the identity of a stored case is never read back. */
  identity: CaseIdentity | undefined;
  head: CaseHead;
  /** Milestones of the batch's events, to append to the stored timeline. */
  added: readonly MilestoneView[];
}

/**
 * Every participant's case file, for advisers' lists and case pages, in three parts that change
 * at different rates: its identity, fixed by the enrolment (but for erasing its personal data);
 * its head, which every event changes; and its timeline, to which every event adds a milestone.
 * A batch reads each case's head once and writes each case once, appending the milestones to the
 * stored timeline without reading it back. The timeline, most of a case, has a table of its own,
 * so that reading a head does not read it, keyed by the case's row number, so that writing it
 * needs no index. Personal data stays sealed as it is in the events (it is opened when read, with
 * the participant's key).
 */
export class CaseFilesProjection implements Projection {
  readonly name = 'case-files';
  readonly tables = ['case_files', 'case_timelines'];
  // 2: head, identity and timeline apart (1 held each case as one JSON document).
  readonly layout = 2;

  constructor(private readonly catalogue: Catalogue) {}

  open(db: Database.Database): ProjectionWriter {
    db.exec(`
      CREATE TABLE IF NOT EXISTS case_files (
        case_id INTEGER PRIMARY KEY,
        participant_id TEXT NOT NULL UNIQUE,
        city TEXT NOT NULL,
        programme TEXT NOT NULL,
        status TEXT NOT NULL,
        first_enrolled_on TEXT NOT NULL,
        head TEXT NOT NULL,
        identity TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS case_files_in_order ON case_files (first_enrolled_on, participant_id);
      CREATE INDEX IF NOT EXISTS case_files_by_city ON case_files (city, first_enrolled_on, participant_id);
      CREATE TABLE IF NOT EXISTS case_timelines (
        case_id INTEGER PRIMARY KEY,
        milestones TEXT NOT NULL
      ) STRICT;
    `);
    const sql = {
      head: db.prepare<[string], { case_id: number; head: string }>('SELECT case_id, head FROM case_files WHERE participant_id = ?'),
      insertCase: db.prepare<[string, string, string, string, string, string, string]>(
        `INSERT INTO case_files (participant_id, city, programme, status, first_enrolled_on, head, identity)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      // Right after its case's row, whose number it takes.
      insertTimeline: db.prepare<[string]>('INSERT INTO case_timelines (case_id, milestones) VALUES (last_insert_rowid(), ?)'),
      // The city is indexed, and an event hardly ever changes it: the usual update leaves it out.
      updateHead: db.prepare<[string, string, string, number]>('UPDATE case_files SET programme = ?, status = ?, head = ? WHERE case_id = ?'),
      updateHeadAndCity: db.prepare<[string, string, string, string, number]>(
        'UPDATE case_files SET city = ?, programme = ?, status = ?, head = ? WHERE case_id = ?',
      ),
      // A case's timeline is never empty: it starts with the enrolment.
      appendMilestones: db.prepare<[string, number]>(`UPDATE case_timelines SET milestones = milestones || ',' || ? WHERE case_id = ?`),
      identity: db.prepare<[number], string>('SELECT identity FROM case_files WHERE case_id = ?').pluck(),
      rewriteIdentity: db.prepare<[string, number]>('UPDATE case_files SET identity = ? WHERE case_id = ?'),
      milestones: db.prepare<[number], string>('SELECT milestones FROM case_timelines WHERE case_id = ?').pluck(),
      rewriteMilestones: db.prepare<[string, number]>('UPDATE case_timelines SET milestones = ? WHERE case_id = ?'),
    };

    /** Drops the personal data and notes already stored of a case erased in this batch. */
    const erase = (caseId: number): void => {
      const identity = JSON.parse(sql.identity.get(caseId)!) as CaseIdentity;
      sql.rewriteIdentity.run(JSON.stringify({ ...identity, personal: null }), caseId);
      sql.rewriteMilestones.run(timelineText(withoutNotes(timelineOf(sql.milestones.get(caseId)!))), caseId);
    };

    const save = (participantId: string, { identity, head, added }: CaseChange, loaded: CaseChange | undefined): void => {
      const { state } = head;
      const milestones = timelineText(state.personalDataErased ? withoutNotes(added) : added);
      if (loaded?.caseId === undefined) {
        if (identity === undefined) throw new Error(`The case of ${participantId} has no enrolment`);
        const stored = state.personalDataErased ? { ...identity, personal: null } : identity;
        const { city, programme } = state;
        sql.insertCase.run(participantId, city, programme, statusOf(state), identity.firstEnrolledOn, JSON.stringify(head), JSON.stringify(stored));
        sql.insertTimeline.run(milestones);
        return;
      }
      const { caseId } = loaded;
      const was = loaded.head.state;
      if (state.city === was.city) sql.updateHead.run(state.programme, statusOf(state), JSON.stringify(head), caseId);
      else sql.updateHeadAndCity.run(state.city, state.programme, statusOf(state), JSON.stringify(head), caseId);
      if (state.personalDataErased && !was.personalDataErased) erase(caseId);
      sql.appendMilestones.run(milestones, caseId);
    };
    const cases = new BatchRecords<CaseChange>((participantId) => {
      const row = sql.head.get(participantId);
      return row && { caseId: row.case_id, identity: undefined, head: JSON.parse(row.head) as CaseHead, added: [] };
    }, save);

    return {
      apply: (stored: StoredEvent) => {
        const participantId = participantOfStream(stored.streamId);
        if (participantId === null) return [];
        const event = { type: stored.type, data: stored.data } as JourneyEvent;
        const before = cases.get(participantId);
        const next = evolveCaseHead(before?.head ?? null, { event, version: stored.version, metadata: stored.metadata }, this.catalogue);
        if (next === null) return [];
        cases.set(participantId, {
          caseId: before?.caseId,
          identity: before ? before.identity : (identityOf(event) ?? undefined),
          head: next.head,
          added: [...(before?.added ?? []), next.milestone],
        });
        return [];
      },
      flush: () => cases.flush(),
      discard: () => cases.discard(),
    };
  }
}
