import { type CasePosition, decodeCursor, encodeCursor } from '../../../src/read-side/cases/case-page-cursor';
import { InvalidInput } from '../../../src/journey/domain/errors';

const fieldErrorsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInput) return error.fieldErrors;
    throw error;
  }
  throw new Error('not refused');
};

const text = (values: unknown): string => Buffer.from(JSON.stringify(values)).toString('base64url');

describe('case list cursors', () => {
  it.each<CasePosition>([
    { order: 'FIRST_ENROLMENT', firstEnrolledOn: '2026-03-15', participantId: '6f1c2a8e-0d3b-4c1e-9a57-2b8f3e4d5c6a' },
    { order: 'REFERENCE', city: 'paris', number: 42 },
    { order: 'RECENTLY_CHANGED', logPosition: 9_007_199_254_740_993n },
    { order: 'RECENTLY_CHANGED', logPosition: 2n ** 63n - 1n },
  ])('reads back %j, a position beyond a JavaScript number included', (position) => {
    expect(decodeCursor(encodeCursor(position), position.order)).toEqual(position);
  });

  it('refuses a cursor of the list in another order, on after', () => {
    const cursor = encodeCursor({ order: 'REFERENCE', city: 'paris', number: 3 });
    expect(fieldErrorsOf(() => decodeCursor(cursor, 'RECENTLY_CHANGED'))).toEqual([
      { field: 'after', message: expect.stringMatching(/REFERENCE order, not RECENTLY_CHANGED/) },
    ]);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['an object', text({ order: 'REFERENCE' })],
    ['an unknown order', text(['NEWEST', '2026-03-15', 'x'])],
    ['a reference number as text', text(['REFERENCE', 'paris', '3'])],
    ['a negative position', text(['RECENTLY_CHANGED', '-1'])],
    ['a position as a number', text(['RECENTLY_CHANGED', 12])],
    ['a position past SQLite integers', text(['RECENTLY_CHANGED', (2n ** 63n).toString()])],
    ['a cursor of the list before it had orders', text(['2026-03-15', '6f1c2a8e-0d3b-4c1e-9a57-2b8f3e4d5c6a'])],
  ])('refuses %s, on after', (_, cursor) => {
    expect(fieldErrorsOf(() => decodeCursor(cursor, 'RECENTLY_CHANGED'))).toEqual([{ field: 'after', message: 'Not a cursor of this list' }]);
  });
});
