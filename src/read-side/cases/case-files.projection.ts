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
import { blockOf, joinedBlocks, prepareBlocks } from './case-timeline-blocks';
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
  /** Milestones of the batch's events, added to the stored timeline's blocks... */
  added: MilestoneView[];
  /** ...unless a correction or void made the whole timeline anew. */
  timeline: MilestoneView[] | undefined;
  notes: CaseNoteView[];
  /**
   * The batch's own copy, which its later events change in place; the record as loaded is never
   * changed, since `BatchRecords` writes a record that is not the one it loaded.
   */
  ownCopy: boolean;
}

/**
 * Every participant's case file, for advisers' lists and case pages, in three parts that change
 * at different rates: its identity, fixed by the enrolment (but for corrections of it and new
 * personal details); its head, which every event changes; and its timeline and notes, to which
 * events add. A batch reads each case's head once and writes each case once, adding the
 * milestones and notes of its events to the last rows of the case's lists, cut into blocks of a
 * few versions (`case-timeline-blocks.ts`), without reading them back: a batch costs what it adds,
 * not what the case holds. A correction or an erasure, rare, reads the lists and writes them anew.
 * The lists, most of a case, have a table of their own, so that reading a head does not read them. Personal data
 * and free text stay sealed as they are in the events (opened when read, with the participant's
 * key), and are dropped once erased.
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
  // 9: a milestone's values as the array of them, their names given by its kind.
  // 8: a milestone stored without its date and summary (worked out from its values), nor the fields no correction or void touched.
  // 7: a case's timeline and notes in blocks of 8 versions, not in one row that each batch rewrote whole.
  // 6: the log position of each case's latest event and the date of its last milestone, for the lists' order and filter.
  // 5: case reference numbers. 4: reasons of corrections and voids sealed, and dropped at erasure (3: notes, and corrections in
  // the timeline; 2: head, identity and timeline apart; 1: one JSON document).
  readonly layout = 9;
  // Personal data, notes and reasons stay sealed as in the events; the rest is the events' clear values.
  readonly holdsOnlyTheLog = true;

  constructor(private readonly catalogue: Catalogue) {}

  /** A case per participant, from the enrolment on, and its lists beside it: a timeline (its enrolment at least) per case, and none without its case. */
  verify(db: Database.Database, checkpoint: GlobalPosition): ReadModelProblem[] {
    const problems = oneRowPerParticipant(db, 'case_files', checkpoint);
    const { withoutLists, listsWithoutCase } = db
      .prepare<[], { withoutLists: number; listsWithoutCase: number }>(
        `SELECT (SELECT count(*) FROM case_files WHERE case_id NOT IN (SELECT case_id FROM case_timelines WHERE milestones IS NOT NULL)) AS withoutLists,
                (SELECT count(DISTINCT case_id) FROM case_timelines WHERE case_id NOT IN (SELECT case_id FROM case_files)) AS listsWithoutCase`,
      )
      .get()!;
    if (withoutLists > 0) problems.push({ kind: 'rows', message: `${withoutLists} case_files rows have no case_timelines row` });
    if (listsWithoutCase > 0) problems.push({ kind: 'rows', message: `case_timelines holds the lists of ${listsWithoutCase} cases with no case_files row` });
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
        case_id INTEGER NOT NULL,
        block INTEGER NOT NULL,
        milestones TEXT,
        notes TEXT,
        PRIMARY KEY (case_id, block)
      ) STRICT;
    `);
    const sql = {
      // Positions are bigint end to end, as in the event store.
      head: db
        .prepare<[string], { case_id: bigint; head: string; last_position: bigint; last_milestone_on: string }>(
          'SELECT case_id, head, last_position, last_milestone_on FROM case_files WHERE participant_id = ?',
        )
        .safeIntegers(),
      // Its row number, the case's id, is what the insert returns.
      insertCase: db.prepare<[string, string, string, string, string, number, GlobalPosition, string, string, string]>(
        `INSERT INTO case_files (participant_id, city, programme, status, first_enrolled_on, reference_number, last_position, last_milestone_on, head, identity)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // The unique index on (city, reference_number) answers it.
      lastReferenceNumber: db.prepare<[string], number>('SELECT coalesce(max(reference_number), 0) FROM case_files WHERE city = ?').pluck(),
      // The city is indexed, and an event never changes it: the update leaves it out.
      updateHead: db.prepare<[string, string, string, GlobalPosition, string, number]>(
        'UPDATE case_files SET programme = ?, status = ?, head = ?, last_position = ?, last_milestone_on = ? WHERE case_id = ?',
      ),
      // After what the block holds: concat_ws leaves out a null, and gives '' for two.
      addToBlock: db.prepare<[number, number, string | null, string | null]>(
        `INSERT INTO case_timelines (case_id, block, milestones, notes) VALUES (?, ?, ?, ?)
         ON CONFLICT (case_id, block) DO UPDATE SET milestones = nullif(concat_ws(',', milestones, excluded.milestones), ''),
           notes = nullif(concat_ws(',', notes, excluded.notes), '')`,
      ),
      blocks: prepareBlocks(db),
      dropBlocks: db.prepare<[number]>('DELETE FROM case_timelines WHERE case_id = ?'),
      identity: db.prepare<[number], string>('SELECT identity FROM case_files WHERE case_id = ?').pluck(),
      rewriteIdentity: db.prepare<[string, string, number]>('UPDATE case_files SET identity = ?, first_enrolled_on = ? WHERE case_id = ?'),
    };
    const storedIdentityOf = (caseId: number) => JSON.parse(sql.identity.get(caseId)!) as CaseIdentity;
    const writeIdentity = (identity: CaseIdentity, caseId: number) =>
      sql.rewriteIdentity.run(JSON.stringify(identity), identity.firstEnrolledOn, caseId);
    const storedLists = (caseId: number) => joinedBlocks(sql.blocks.all(caseId));
    /** Adds milestones and notes, later than those stored, each to its block. */
    const addToBlocks = (caseId: number, milestones: readonly MilestoneView[], notes: readonly CaseNoteView[]): void => {
      const blocks = new Map<number, { milestones: MilestoneView[]; notes: CaseNoteView[] }>();
      const itemsOf = (sequence: number) => {
        const block = blockOf(sequence);
        let items = blocks.get(block);
        if (items === undefined) blocks.set(block, (items = { milestones: [], notes: [] }));
        return items;
      };
      for (const milestone of milestones) itemsOf(milestone.sequence).milestones.push(milestone);
      for (const note of notes) itemsOf(note.sequence).notes.push(note);
      for (const [block, items] of blocks) {
        sql.addToBlock.run(
          caseId,
          block,
          items.milestones.length > 0 ? timelineText(items.milestones) : null,
          items.notes.length > 0 ? notesText(items.notes) : null,
        );
      }
    };

    const save = (participantId: string, change: CaseInBatch, loaded: CaseInBatch | undefined): void => {
      const { identity, referenceNumber, head, lastPosition, added, timeline, notes } = change;
      const { state } = head;
      const erased = state.personalDataErased;
      const blankTimeline = (items: readonly MilestoneView[]) => (erased ? withoutFreeText(items) : items);
      const blankNotes = (items: readonly CaseNoteView[]) => (erased ? withoutNotes(items) : items);
      const kept = (whom: CaseIdentity): CaseIdentity => (erased ? { ...whom, personal: null } : whom);
      if (loaded?.caseId === undefined) {
        if (identity === undefined || referenceNumber === undefined) throw new Error(`The case of ${participantId} has no enrolment`);
        const { lastInsertRowid } = sql.insertCase.run(
          participantId,
          state.city,
          state.programme,
          statusOf(state),
          identity.firstEnrolledOn,
          referenceNumber,
          lastPosition,
          change.lastMilestoneOn,
          JSON.stringify(head),
          JSON.stringify(kept(identity)),
        );
        addToBlocks(Number(lastInsertRowid), blankTimeline(timeline ?? added), blankNotes(notes));
        return;
      }
      const { caseId } = loaded;
      // Erased in this batch: the personal data, notes and reasons already stored go too.
      const erasing = erased && !loaded.head.state.personalDataErased;
      sql.updateHead.run(state.programme, statusOf(state), JSON.stringify(head), lastPosition, change.lastMilestoneOn, caseId);
      if (identity !== undefined || erasing) writeIdentity(kept(identity ?? storedIdentityOf(caseId)), caseId);
      if (timeline !== undefined || erasing) {
        const stored = storedLists(caseId);
        sql.dropBlocks.run(caseId);
        addToBlocks(caseId, blankTimeline(timeline ?? [...timelineOf(stored.milestones), ...added]), blankNotes([...notesOf(stored.notes), ...notes]));
      } else addToBlocks(caseId, blankTimeline(added), blankNotes(notes));
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
          ownCopy: false,
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
      ownCopy: true,
    });

    /** The case's identity as the batch has it. */
    const storedIdentity = (change: CaseInBatch): CaseIdentity => change.identity ?? storedIdentityOf(change.caseId!);
    /** The case's whole timeline as the batch has it: stored, then added. */
    const wholeTimeline = (change: CaseInBatch): readonly MilestoneView[] =>
      change.timeline ?? [...(change.caseId === undefined ? [] : timelineOf(storedLists(change.caseId).milestones)), ...change.added];

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
        const changed: CaseInBatch = base.ownCopy ? base : { ...base, added: [...base.added], notes: [...base.notes], ownCopy: true };
        changed.head = next.head;
        changed.lastPosition = stored.position;
        switch (next.kind) {
          case 'milestone':
            (changed.timeline ?? changed.added).push(next.milestone);
            changed.lastMilestoneOn = lastMilestoneOn([next.milestone], changed.lastMilestoneOn);
            break;
          case 'note':
            changed.notes.push(next.note);
            break;
          case 'personal':
            changed.identity = { ...storedIdentity(changed), personal: next.personal };
            break;
          case 'amended':
            [changed.identity, changed.timeline, changed.added] = [next.identity, next.timeline, []];
            changed.lastMilestoneOn = lastMilestoneOn(next.timeline, next.identity.firstEnrolledOn);
            break;
        }
        if (changed !== before) cases.set(participantId, changed);
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
