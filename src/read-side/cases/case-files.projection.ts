import type Database from 'better-sqlite3';
import type { Catalogue } from '../../catalogue/catalogue';
import type { GlobalPosition, StoredEvent } from '../../event-store/event-store.port';
import { participantOfStream } from '../../journey/application/journey-repository';
import {
  type CaseHead,
  type CaseIdentity,
  type CaseNoteView,
  changeCase,
  identityOf,
  type MilestoneView,
  statusOf,
  withoutFreeText,
  withoutNotes,
} from '../../journey/case/participant-case';
import { lastMilestoneOn } from '../../journey/case/last-milestone';
import type { JourneyEvent } from '../../journey/domain/events';
import type { CalendarDate } from '../../journey/domain/vocabulary';
import { BatchRecords } from '../../projections/batch-records';
import type { Projection, ProjectionWriter, ReadModelProblem } from '../../projections/projection';
import { oneRowPerParticipant } from '../participant-rows';
import { notesOf, notesText, timelineOf, timelineText } from './case-timeline-text';

/** A case as a batch changes it. */
interface CaseInBatch {
  /** The case's row; undefined until it is written. */
  caseId: number | undefined;
  /** Read only when the batch changes it (a case it enrols, new personal details, a correction). */
  identity: CaseIdentity | undefined;
  /** Its number among its city's enrolments, given when the batch enrols it; stored ones are never read. */
  referenceNumber: number | undefined;
  head: CaseHead;
  /** The log position of the case's latest event: its key in the list of recent changes. */
  lastPosition: GlobalPosition;
  /** Its last milestone's date (`lastMilestoneOn`), kept in a column for the lists to filter by. */
  lastMilestoneOn: CalendarDate;
  /** Milestones of the batch's events, to append to the stored timeline... */
  added: readonly MilestoneView[];
  /** ...unless a correction or void made the whole timeline anew. */
  timeline: readonly MilestoneView[] | undefined;
  notes: readonly CaseNoteView[];
}

/**
 * Every participant's case file, for advisers' lists and case pages, in three parts that change
 * at different rates: its identity, fixed by the enrolment (but for corrections of it and new
 * personal details); its head, which every event changes; and its timeline and notes, to which
 * events add. A batch reads each case's head once and writes each case once, appending the
 * milestones and notes to the stored lists without reading them back; a correction, rare, reads
 * the timeline and writes it anew. The lists, most of a case, have a table of their own, so that
 * reading a head does not read them, keyed by the case's row number, so that writing them needs
 * no index. Personal data and free text stay sealed as they are in the events (opened when read,
 * with the participant's key), and are dropped once erased.
 *
 * Each case gets the next number of its city's enrolments, in the log's order, for its reference
 * (`PAR-0042`): every replica and every rebuild folds the same order, so gives the same numbers,
 * without gaps, and the write side needs no counter of its own.
 *
 * Beside its head, a case keeps in columns what the advisers' lists order and filter by: the log
 * position of its latest event (recent changes) and the date of its last milestone (cases with
 * none for a while), kept as events come rather than worked out from the timeline when read.
 */
export class CaseFilesProjection implements Projection {
  readonly name = 'case-files';
  readonly tables = ['case_files', 'case_timelines'];
  // 6: the log position of each case's latest event and the date of its last milestone, for the lists' order and filter.
  // 5: case reference numbers. 4: reasons of corrections and voids sealed, and dropped at erasure (3: notes, and corrections in
  // the timeline; 2: head, identity and timeline apart; 1: one JSON document).
  readonly layout = 6;

  constructor(private readonly catalogue: Catalogue) {}

  /** A case per participant, from the enrolment on, and its lists beside it. */
  verify(db: Database.Database, checkpoint: GlobalPosition): ReadModelProblem[] {
    const problems = oneRowPerParticipant(db, 'case_files', checkpoint);
    const { withoutLists, listsWithoutCase } = db
      .prepare<[], { withoutLists: number; listsWithoutCase: number }>(
        `SELECT (SELECT count(*) FROM case_files WHERE case_id NOT IN (SELECT case_id FROM case_timelines)) AS withoutLists,
                (SELECT count(*) FROM case_timelines WHERE case_id NOT IN (SELECT case_id FROM case_files)) AS listsWithoutCase`,
      )
      .get()!;
    if (withoutLists > 0) problems.push({ kind: 'rows', message: `${withoutLists} case_files rows have no case_timelines row` });
    if (listsWithoutCase > 0) problems.push({ kind: 'rows', message: `${listsWithoutCase} case_timelines rows have no case_files row` });
    return problems;
  }

  open(db: Database.Database): ProjectionWriter {
    db.exec(`
      CREATE TABLE IF NOT EXISTS case_files (
        case_id INTEGER PRIMARY KEY,
        participant_id TEXT NOT NULL UNIQUE,
        city TEXT NOT NULL,
        programme TEXT NOT NULL,
        status TEXT NOT NULL,
        first_enrolled_on TEXT NOT NULL,
        reference_number INTEGER NOT NULL,
        last_position INTEGER NOT NULL,
        last_milestone_on TEXT NOT NULL,
        head TEXT NOT NULL,
        identity TEXT NOT NULL,
        UNIQUE (city, reference_number)
      ) STRICT;
      CREATE INDEX IF NOT EXISTS case_files_in_order ON case_files (first_enrolled_on, participant_id);
      CREATE INDEX IF NOT EXISTS case_files_by_city ON case_files (city, first_enrolled_on, participant_id);
      CREATE INDEX IF NOT EXISTS case_files_by_change ON case_files (last_position);
      CREATE INDEX IF NOT EXISTS case_files_by_city_change ON case_files (city, last_position);
      CREATE TABLE IF NOT EXISTS case_timelines (
        case_id INTEGER PRIMARY KEY,
        milestones TEXT NOT NULL,
        notes TEXT NOT NULL
      ) STRICT;
    `);
    const sql = {
      // Positions are bigint end to end, as in the event store.
      head: db
        .prepare<[string], { case_id: bigint; head: string; last_position: bigint; last_milestone_on: string }>(
          'SELECT case_id, head, last_position, last_milestone_on FROM case_files WHERE participant_id = ?',
        )
        .safeIntegers(),
      insertCase: db.prepare<[string, string, string, string, string, number, GlobalPosition, string, string, string]>(
        `INSERT INTO case_files (participant_id, city, programme, status, first_enrolled_on, reference_number, last_position, last_milestone_on, head, identity)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // The unique index on (city, reference_number) answers it.
      lastReferenceNumber: db.prepare<[string], number>('SELECT coalesce(max(reference_number), 0) FROM case_files WHERE city = ?').pluck(),
      // Right after its case's row, whose number it takes.
      insertLists: db.prepare<[string, string]>('INSERT INTO case_timelines (case_id, milestones, notes) VALUES (last_insert_rowid(), ?, ?)'),
      // The city is indexed, and an event never changes it: the update leaves it out.
      updateHead: db.prepare<[string, string, string, GlobalPosition, string, number]>(
        'UPDATE case_files SET programme = ?, status = ?, head = ?, last_position = ?, last_milestone_on = ? WHERE case_id = ?',
      ),
      // A case's timeline is never empty: it starts with the enrolment.
      appendMilestones: db.prepare<[string, number]>(`UPDATE case_timelines SET milestones = milestones || ',' || ? WHERE case_id = ?`),
      appendNotes: db.prepare<[string, number]>(
        `UPDATE case_timelines SET notes = notes || iif(notes = '', '', ',') || ? WHERE case_id = ?`,
      ),
      identity: db.prepare<[number], string>('SELECT identity FROM case_files WHERE case_id = ?').pluck(),
      rewriteIdentity: db.prepare<[string, string, number]>('UPDATE case_files SET identity = ?, first_enrolled_on = ? WHERE case_id = ?'),
      lists: db.prepare<[number], { milestones: string; notes: string }>('SELECT milestones, notes FROM case_timelines WHERE case_id = ?'),
      milestones: db.prepare<[number], string>('SELECT milestones FROM case_timelines WHERE case_id = ?').pluck(),
      rewriteMilestones: db.prepare<[string, number]>('UPDATE case_timelines SET milestones = ? WHERE case_id = ?'),
      rewriteLists: db.prepare<[string, string, number]>('UPDATE case_timelines SET milestones = ?, notes = ? WHERE case_id = ?'),
    };
    const writeIdentity = (identity: CaseIdentity, caseId: number) =>
      sql.rewriteIdentity.run(JSON.stringify(identity), identity.firstEnrolledOn, caseId);

    /** Drops the personal data, notes and reasons already stored of a case erased in this batch. */
    const erase = (caseId: number): void => {
      const identity = JSON.parse(sql.identity.get(caseId)!) as CaseIdentity;
      writeIdentity({ ...identity, personal: null }, caseId);
      const { milestones, notes } = sql.lists.get(caseId)!;
      sql.rewriteLists.run(timelineText(withoutFreeText(timelineOf(milestones))), notesText(withoutNotes(notesOf(notes))), caseId);
    };

    const save = (participantId: string, change: CaseInBatch, loaded: CaseInBatch | undefined): void => {
      const { identity, referenceNumber, head, lastPosition, added, timeline, notes } = change;
      const { state } = head;
      const erased = state.personalDataErased;
      const blankTimeline = (items: readonly MilestoneView[]) => (erased ? withoutFreeText(items) : items);
      const blankNotes = (items: readonly CaseNoteView[]) => (erased ? withoutNotes(items) : items);
      if (loaded?.caseId === undefined) {
        if (identity === undefined || referenceNumber === undefined) throw new Error(`The case of ${participantId} has no enrolment`);
        const stored = erased ? { ...identity, personal: null } : identity;
        sql.insertCase.run(
          participantId,
          state.city,
          state.programme,
          statusOf(state),
          identity.firstEnrolledOn,
          referenceNumber,
          lastPosition,
          change.lastMilestoneOn,
          JSON.stringify(head),
          JSON.stringify(stored),
        );
        sql.insertLists.run(timelineText(blankTimeline(timeline ?? added)), notesText(blankNotes(notes)));
        return;
      }
      const { caseId } = loaded;
      sql.updateHead.run(state.programme, statusOf(state), JSON.stringify(head), lastPosition, change.lastMilestoneOn, caseId);
      if (identity !== undefined) writeIdentity(identity, caseId);
      if (timeline !== undefined) sql.rewriteMilestones.run(timelineText(blankTimeline(timeline)), caseId);
      else if (added.length > 0) sql.appendMilestones.run(timelineText(blankTimeline(added)), caseId);
      if (notes.length > 0) sql.appendNotes.run(notesText(blankNotes(notes)), caseId);
      if (erased && !loaded.head.state.personalDataErased) erase(caseId);
    };
    const cases = new BatchRecords<CaseInBatch>((participantId) => {
      const row = sql.head.get(participantId);
      return (
        row && {
          caseId: Number(row.case_id),
          identity: undefined,
          referenceNumber: undefined,
          head: JSON.parse(row.head) as CaseHead,
          lastPosition: row.last_position,
          lastMilestoneOn: row.last_milestone_on,
          added: [],
          timeline: undefined,
          notes: [],
        }
      );
    }, save);
    /** The last number each city's enrolments took, as the batch has it: stored ones, then the batch's, in its order. */
    const lastNumbers = new Map<string, number>();
    const nextReferenceNumber = (city: string): number => {
      const next = (lastNumbers.get(city) ?? sql.lastReferenceNumber.get(city)!) + 1;
      lastNumbers.set(city, next);
      return next;
    };

    /** A case the batch enrols: it takes its city's next number. */
    const enrolled = (identity: CaseIdentity, head: CaseHead, position: GlobalPosition): CaseInBatch => ({
      caseId: undefined,
      identity,
      referenceNumber: nextReferenceNumber(head.state.city),
      head,
      lastPosition: position,
      lastMilestoneOn: identity.firstEnrolledOn,
      added: [],
      timeline: undefined,
      notes: [],
    });

    /** The case's identity as the batch has it. */
    const storedIdentity = (change: CaseInBatch): CaseIdentity => change.identity ?? (JSON.parse(sql.identity.get(change.caseId!)!) as CaseIdentity);
    /** The case's whole timeline as the batch has it: stored, then added. */
    const wholeTimeline = (change: CaseInBatch): readonly MilestoneView[] =>
      change.timeline ?? [...(change.caseId === undefined ? [] : timelineOf(sql.milestones.get(change.caseId)!)), ...change.added];

    return {
      apply: (stored: StoredEvent) => {
        const participantId = participantOfStream(stored.streamId);
        if (participantId === null) return [];
        const event = { type: stored.type, data: stored.data } as JourneyEvent;
        const before = cases.get(participantId);
        const recorded = { event, version: stored.version, metadata: stored.metadata };
        const next = changeCase(before?.head ?? null, () => storedIdentity(before!), () => wholeTimeline(before!), recorded, this.catalogue);
        if (next === null) return [];
        const base: CaseInBatch = before ?? enrolled(identityOf(event)!, next.head, stored.position);
        const changed: CaseInBatch = { ...base, head: next.head, lastPosition: stored.position };
        switch (next.kind) {
          case 'milestone':
            if (changed.timeline !== undefined) changed.timeline = [...changed.timeline, next.milestone];
            else changed.added = [...changed.added, next.milestone];
            changed.lastMilestoneOn = lastMilestoneOn([next.milestone], changed.lastMilestoneOn);
            break;
          case 'note':
            changed.notes = [...changed.notes, next.note];
            break;
          case 'personal':
            changed.identity = { ...storedIdentity(base), personal: next.personal };
            break;
          case 'amended':
            [changed.identity, changed.timeline, changed.added] = [next.identity, next.timeline, []];
            changed.lastMilestoneOn = lastMilestoneOn(next.timeline, next.identity.firstEnrolledOn);
            break;
        }
        cases.set(participantId, changed);
        return [];
      },
      flush: () => {
        lastNumbers.clear();
        cases.flush();
      },
      discard: () => {
        lastNumbers.clear();
        cases.discard();
      },
    };
  }
}
