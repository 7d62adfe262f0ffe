import { InvalidInput } from '../../journey/domain/errors';
import type { GlobalPosition } from '../../event-store/event-store.port';
import type { CaseOrder } from './case-order';

/** Where a page of case files ends: its last case's key in the list's order. */
export type CasePosition =
  | { order: 'FIRST_ENROLMENT'; firstEnrolledOn: string; participantId: string }
  | { order: 'REFERENCE'; city: string; number: number }
  | { order: 'RECENTLY_CHANGED'; logPosition: GlobalPosition };

/** The largest position SQLite holds (a signed 64-bit integer): a cursor's beyond it is no list's. */
const LARGEST_POSITION = 2n ** 63n - 1n;

/** The order, then the key's values; a log position as decimal text, which JSON holds whole. */
function valuesOf(position: CasePosition): unknown[] {
  switch (position.order) {
    case 'FIRST_ENROLMENT':
      return [position.order, position.firstEnrolledOn, position.participantId];
    case 'REFERENCE':
      return [position.order, position.city, position.number];
    case 'RECENTLY_CHANGED':
      return [position.order, position.logPosition.toString()];
  }
}

function positionOf([order, first, second]: unknown[]): CasePosition | null {
  if (order === 'FIRST_ENROLMENT' && typeof first === 'string' && typeof second === 'string') {
    return { order, firstEnrolledOn: first, participantId: second };
  }
  if (order === 'REFERENCE' && typeof first === 'string' && Number.isSafeInteger(second)) return { order, city: first, number: second as number };
  if (order === 'RECENTLY_CHANGED' && typeof first === 'string' && /^\d{1,19}$/.test(first) && BigInt(first) <= LARGEST_POSITION) {
    return { order, logPosition: BigInt(first) };
  }
  return null;
}

/** Opaque to clients, so that an order's key can change without breaking them. */
export const encodeCursor = (position: CasePosition): string => Buffer.from(JSON.stringify(valuesOf(position))).toString('base64url');

/** The position `cursor` names; refused (BAD_USER_INPUT on `field`) when it is none, or one of a list in another order. */
export function decodeCursor(cursor: string, order: CaseOrder, field = 'after'): CasePosition {
  let position: CasePosition | null = null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values)) position = positionOf(values);
  } catch {
    // reported below, like any other unreadable cursor
  }
  if (position === null) throw new InvalidInput([{ field, message: 'Not a cursor of this list' }]);
  if (position.order !== order) {
    throw new InvalidInput([{ field, message: `A cursor of the list in ${position.order} order, not ${order}: page it from the start again` }]);
  }
  return position;
}
