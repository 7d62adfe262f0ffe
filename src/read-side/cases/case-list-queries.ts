import type { CaseOrder } from './case-order';
import type { CasePosition } from './case-page-cursor';

/** A case as the reader selects it: what its view is made of but its lists (read by `case_id`), and its keys in each order. */
export interface CaseRow {
  case_id: number;
  participant_id: string;
  city: string;
  reference_number: number;
  first_enrolled_on: string;
  /** `last_position` as decimal text: a log position may not fit a JavaScript number. */
  last_position_text: string;
  last_milestone_on: string;
  identity: string;
  head: string;
}

// An alias of its own, not `last_position`: ORDER BY would take the alias, and no index holds it.
export const CASES = `SELECT case_id, participant_id, city, reference_number, first_enrolled_on, CAST(last_position AS TEXT) AS last_position_text,
  last_milestone_on, identity, head FROM case_files`;

/** What a page's SQL depends on: its order, whether it is one city's, whether it starts after a cursor. */
export interface CaseListShape {
  order: CaseOrder;
  oneCity: boolean;
  afterCursor: boolean;
}

/**
 * Each order's keyset, read along an index (`test/int/read-side/case-list-plans.int.spec.ts`):
 * for one city, the index that starts with the city; for every city, the one without it.
 * FIRST_ENROLMENT: `case_files_by_city`, `case_files_in_order`; REFERENCE: the unique
 * (city, reference_number), both ways; RECENTLY_CHANGED: `case_files_by_city_change`,
 * `case_files_by_change`. A log position belongs to one event, so to one case: it is a key alone.
 */
const KEYSETS: Record<CaseOrder, { orderBy: string; after: string }> = {
  FIRST_ENROLMENT: { orderBy: 'first_enrolled_on, participant_id', after: '(first_enrolled_on, participant_id) > (@afterDate, @afterId)' },
  REFERENCE: { orderBy: 'city, reference_number', after: '(city, reference_number) > (@afterCity, @afterNumber)' },
  RECENTLY_CHANGED: { orderBy: 'last_position DESC', after: 'last_position < @afterPosition' },
};

/**
 * The filters but the city, checked on the rows met along the order's index. A case's last
 * milestone is compared with its own city's date in `@lastMilestoneBy` (a JSON object by city).
 */
const FILTERS = `(@programme IS NULL OR programme = @programme) AND (@status IS NULL OR status = @status)
  AND (@participantIds IS NULL OR participant_id IN (SELECT value FROM json_each(@participantIds)))
  AND (@lastMilestoneBy IS NULL OR (status = 'ACTIVE' AND last_milestone_on <= @lastMilestoneBy ->> city))`;

/** The city as an equality, so that the city's index serves it: a test of `@city IS NULL` would hide it from the planner. */
const whereOf = (oneCity: boolean): string => (oneCity ? `city = @city AND ${FILTERS}` : FILTERS);

export const pageSql = ({ order, oneCity, afterCursor }: CaseListShape): string => {
  const { orderBy, after } = KEYSETS[order];
  return `${CASES} WHERE ${whereOf(oneCity)}${afterCursor ? ` AND ${after}` : ''} ORDER BY ${orderBy} LIMIT @limit`;
};

export const countSql = (oneCity: boolean): string => `SELECT count(*) FROM case_files WHERE ${whereOf(oneCity)}`;

/** The values a cursor's position gives its order's `after` condition. */
export function afterValues(position: CasePosition): Record<string, string | number | bigint> {
  switch (position.order) {
    case 'FIRST_ENROLMENT':
      return { afterDate: position.firstEnrolledOn, afterId: position.participantId };
    case 'REFERENCE':
      return { afterCity: position.city, afterNumber: position.number };
    case 'RECENTLY_CHANGED':
      return { afterPosition: position.logPosition };
  }
}

/** A row's place in the list's order: the cursor of its edge. */
export function positionOfRow(order: CaseOrder, row: CaseRow): CasePosition {
  switch (order) {
    case 'FIRST_ENROLMENT':
      return { order, firstEnrolledOn: row.first_enrolled_on, participantId: row.participant_id };
    case 'REFERENCE':
      return { order, city: row.city, number: row.reference_number };
    case 'RECENTLY_CHANGED':
      return { order, logPosition: BigInt(row.last_position_text) };
  }
}
