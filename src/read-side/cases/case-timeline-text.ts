import type { MilestoneValues } from '../../journey/domain/events';
import type { AmendmentView, CaseNoteView, MilestoneView } from '../../journey/case/participant-case';
import { summaryOf } from '../../journey/case/milestone-summary';
import type { CalendarDate, MilestoneKind } from '../../journey/domain/vocabulary';

/** The names of a milestone's values, per kind, in the order its events give them. */
const VALUE_NAMES: Readonly<Record<MilestoneKind, readonly string[]>> = {
  ENROLLED: ['occurredOn', 'city', 'programme', 'profile'],
  COACHING_SESSION: ['occurredOn', 'mode', 'durationMinutes'],
  ACTIVITY_STARTED: ['occurredOn', 'activity', 'provider'],
  ACTIVITY_COMPLETED: ['occurredOn', 'activity', 'result'],
  REFERRED: ['occurredOn', 'partner'],
  JOB_STARTED: ['occurredOn', 'contractType', 'employerType', 'sector', 'weeklyHours'],
  SELF_EMPLOYMENT_STARTED: ['occurredOn', 'form', 'sector'],
  EXITED: ['occurredOn', 'reason'],
  FOLLOW_UP: ['occurredOn', 'monthsAfterExit', 'status'],
  RE_ENROLLED: ['occurredOn', 'programme'],
  PERSONAL_DATA_ERASED: ['occurredOn'],
};

/**
 * A milestone's values as stored: the array of them when they are the kind's, all given and in
 * its order, as events record them (a third of their bytes are the names); else the object as
 * it is, so that what is read back is always what was stored.
 */
type StoredValues = unknown[] | MilestoneValues;

function storedValues(kind: MilestoneKind, values: MilestoneValues): StoredValues {
  const names = VALUE_NAMES[kind];
  const given = values as Record<string, unknown>;
  // A loop over the names rather than Object.entries: this runs for every milestone a rebuild folds.
  let count = 0;
  for (const name in given) {
    if (name !== names[count] || given[name] === undefined) return values;
    count++;
  }
  return count === names.length ? names.map((name) => given[name]) : values;
}

const valuesOf = (kind: MilestoneKind, stored: StoredValues): MilestoneValues =>
  Array.isArray(stored) ? (Object.fromEntries(VALUE_NAMES[kind].map((name, i) => [name, stored[i]])) as MilestoneValues) : stored;

/**
 * A stored milestone: the values of its fields in this order. Its date and summary are left out,
 * worked out from its kind and values when read (a third of its bytes); so are its last three
 * fields while no correction or void touched it, as most milestones are.
 */
type StoredMilestone =
  | [sequence: number, kind: MilestoneKind, recordedAt: string, recordedBy: string, note: string | null, values: StoredValues]
  | [
      sequence: number,
      kind: MilestoneKind,
      recordedAt: string,
      recordedBy: string,
      note: string | null,
      values: StoredValues,
      original: MilestoneValues | null,
      amendments: AmendmentView[],
      voided: boolean,
    ];

function storedMilestone(m: MilestoneView): StoredMilestone {
  const values = storedValues(m.kind, m.values);
  return m.amendments.length === 0 && m.original === null && !m.voided
    ? [m.sequence, m.kind, m.recordedAt, m.recordedBy, m.note, values]
    : [m.sequence, m.kind, m.recordedAt, m.recordedBy, m.note, values, m.original, m.amendments, m.voided];
}

function milestoneOf([sequence, kind, recordedAt, recordedBy, note, stored, original = null, amendments = [], voided = false]: StoredMilestone): MilestoneView {
  const values = valuesOf(kind, stored);
  return { sequence, kind, occurredOn: values.occurredOn, recordedAt, recordedBy, summary: summaryOf(kind, values), note, values, original, amendments, voided };
}

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
