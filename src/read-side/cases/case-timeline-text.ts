import type { MilestoneView } from '../../journey/case/participant-case';

/** A milestone's fields, in the order a stored milestone lists their values. */
const FIELDS = ['sequence', 'kind', 'occurredOn', 'recordedAt', 'recordedBy', 'summary', 'note'] as const satisfies readonly (keyof MilestoneView)[];

/**
 * How a case's timeline is stored: the elements of a JSON array, its brackets left out, one
 * element per milestone in order, each the array of its values (half the size of an object with
 * its keys). An element never changes once written, so an event adds its milestone by appending
 * `,` and the elements to the stored text, without reading it back; only an erasure rewrites it.
 */
export const timelineText = (milestones: readonly MilestoneView[]): string =>
  JSON.stringify(milestones.map((milestone) => FIELDS.map((field) => milestone[field]))).slice(1, -1);

export const timelineOf = (text: string): MilestoneView[] =>
  (JSON.parse(`[${text}]`) as unknown[][]).map((values) => Object.fromEntries(FIELDS.map((field, i) => [field, values[i]])) as unknown as MilestoneView);
