import type { CaseNoteView, MilestoneView } from '../../journey/case/participant-case';

/** A milestone's fields, in the order a stored milestone lists their values. */
const MILESTONE_FIELDS = [
  'sequence',
  'kind',
  'occurredOn',
  'recordedAt',
  'recordedBy',
  'summary',
  'note',
  'values',
  'original',
  'amendments',
  'voided',
] as const satisfies readonly (keyof MilestoneView)[];
const NOTE_FIELDS = ['sequence', 'writtenOn', 'recordedAt', 'recordedBy', 'note'] as const satisfies readonly (keyof CaseNoteView)[];

/**
 * How a case's timeline and notes are stored: the elements of a JSON array, its brackets left
 * out, one element per item in order, each the array of its values (half the size of an object
 * with its keys). Texts of the same list join with `,`, so that a batch stores the items it adds
 * as a text of their own (`case-timeline-parts.ts`) without reading back the stored ones.
 */
const listText =
  <T>(fields: readonly (keyof T)[]) =>
  (items: readonly T[]): string =>
    JSON.stringify(items.map((item) => fields.map((field) => item[field]))).slice(1, -1);

const listOf =
  <T>(fields: readonly (keyof T)[]) =>
  (text: string): T[] =>
    (JSON.parse(`[${text}]`) as unknown[][]).map((values) => Object.fromEntries(fields.map((field, i) => [field, values[i]])) as T);

export const timelineText = listText<MilestoneView>(MILESTONE_FIELDS);
export const timelineOf = listOf<MilestoneView>(MILESTONE_FIELDS);
export const notesText = listText<CaseNoteView>(NOTE_FIELDS);
export const notesOf = listOf<CaseNoteView>(NOTE_FIELDS);
