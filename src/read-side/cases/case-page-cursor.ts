import { InvalidInput } from '../../journey/domain/errors';

/** Where a page of case files ends: its last case's place in the list's order. */
export interface CasePosition {
  firstEnrolledOn: string;
  participantId: string;
}

/** Opaque to clients, so that the order can change without breaking them. */
export const encodeCursor = ({ firstEnrolledOn, participantId }: CasePosition): string =>
  Buffer.from(JSON.stringify([firstEnrolledOn, participantId])).toString('base64url');

export function decodeCursor(cursor: string, field = 'after'): CasePosition {
  try {
    const [firstEnrolledOn, participantId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof firstEnrolledOn === 'string' && typeof participantId === 'string') return { firstEnrolledOn, participantId };
  } catch {
    // reported below, like any other unreadable cursor
  }
  throw new InvalidInput([{ field, message: 'Not a cursor of this list' }]);
}
