import type { MilestoneValues } from '../../journey/domain/events';
import type { AmendmentView, CaseNoteView, MilestoneView } from '../../journey/case/participant-case';
import { summaryOf } from '../../journey/case/milestone-summary';
import type { CalendarDate, MilestoneKind } from '../../journey/domain/vocabulary';

/**
 * A stored milestone: the values of its fields in this order. Its date and summary are left out,
 * worked out from its kind and values when read (a third of its bytes); so are its last three
 * fields while no correction or void touched it, as most milestones are.
 */
type StoredMilestone =
  | [sequence: number, kind: MilestoneKind, recordedAt: string, recordedBy: string, note: string | null, values: MilestoneValues]
  | [
      sequence: number,
      kind: MilestoneKind,
      recordedAt: string,
      recordedBy: string,
      note: string | null,
      values: MilestoneValues,
      original: MilestoneValues | null,
      amendments: AmendmentView[],
      voided: boolean,
    ];

const storedMilestone = (m: MilestoneView): StoredMilestone =>
  m.amendments.length === 0 && m.original === null && !m.voided
    ? [m.sequence, m.kind, m.recordedAt, m.recordedBy, m.note, m.values]
    : [m.sequence, m.kind, m.recordedAt, m.recordedBy, m.note, m.values, m.original, m.amendments, m.voided];

const milestoneOf = ([sequence, kind, recordedAt, recordedBy, note, values, original = null, amendments = [], voided = false]: StoredMilestone): MilestoneView => ({
  sequence,
  kind,
  occurredOn: values.occurredOn,
  recordedAt,
  recordedBy,
  summary: summaryOf(kind, values),
  note,
  values,
  original,
  amendments,
  voided,
});

/** A stored note: the values of its fields in this order. */
type StoredNote = [sequence: number, writtenOn: CalendarDate, recordedAt: string, recordedBy: string, note: string | null];

const storedNote = (n: CaseNoteView): StoredNote => [n.sequence, n.writtenOn, n.recordedAt, n.recordedBy, n.note];

const noteOf = ([sequence, writtenOn, recordedAt, recordedBy, note]: StoredNote): CaseNoteView => ({ sequence, writtenOn, recordedAt, recordedBy, note });

/**
 * How a case's timeline and notes are stored: the elements of a JSON array, its brackets left
 * out, one element per item in order, each the array of its values (half the size of an object
 * with its keys). Texts of the same list join with `,`, so that a batch stores the items it adds
 * as a text of their own (`case-timeline-blocks.ts`) without reading back the stored ones.
 */
const listText =
  <T, S>(stored: (item: T) => S) =>
  (items: readonly T[]): string =>
    JSON.stringify(items.map(stored)).slice(1, -1);

const listOf =
  <T, S>(item: (stored: S) => T) =>
  (text: string): T[] =>
    (JSON.parse(`[${text}]`) as S[]).map(item);

export const timelineText = listText(storedMilestone);
export const timelineOf = listOf(milestoneOf);
export const notesText = listText(storedNote);
export const notesOf = listOf(noteOf);
