import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { ImportRow } from '../../../src/import/import-table';
import { parseRow, type RowContext } from '../../../src/import/parse-row';
import { importedParticipantIds } from '../../../src/import/participant-ids';

const idOf = importedParticipantIds('a-pseudonym-secret-of-thirty-two-characters');
const CONTEXT: RowContext = { city: 'paris', participantIdOf: (reference) => idOf('paris', reference), today: '2026-11-28', catalogue: BUILT_IN_CATALOGUE };

const row = (cells: Record<string, string>, line = 7): ImportRow => ({ line, cells: { reference: 'GATP-2007-014', city: 'paris', ...cells } });

const ENROLMENT = {
  programme: 'paris-gatp',
  kind: 'ENROLLED',
  date: '2007-03-12',
  birthYear: '1953',
  gender: 'FEMALE',
  educationLevel: 'ISCED_5_8',
  positionLevel: 'SENIOR_MANAGER',
  lastSector: 'K',
  incomeSupport: 'UNEMPLOYMENT_INSURANCE',
  fullName: 'Hélène Marchetti',
};

describe('reading a row of an import file', () => {
  it('given an enrolment row, makes the enrolment command the API would make, personal details and all', () => {
    const read = parseRow(row({ ...ENROLMENT, email: 'helene@example.org', unemployedSince: '2006-09-01' }), CONTEXT);

    expect(read).toEqual({
      row: {
        line: 7,
        reference: 'GATP-2007-014',
        kind: 'ENROLLED',
        occurredOn: '2007-03-12',
        programme: null,
        command: {
          type: 'EnrolParticipant',
          data: {
            participantId: idOf('paris', 'GATP-2007-014'),
            occurredOn: '2007-03-12',
            city: 'paris',
            programme: 'paris-gatp',
            profile: {
              birthYear: 1953,
              gender: 'FEMALE',
              educationLevel: 'ISCED_5_8',
              positionLevel: 'SENIOR_MANAGER',
              lastSector: 'K',
              unemployedSince: '2006-09-01',
              incomeSupport: 'UNEMPLOYMENT_INSURANCE',
            },
            personal: { fullName: 'Hélène Marchetti', email: 'helene@example.org', phone: null },
            note: null,
          },
        },
      },
    });
  });

  it('given a milestone row, makes its command and keeps the programme it names to check against the journey', () => {
    const read = parseRow(row({ programme: 'paris-gatp', kind: 'JOB_STARTED', date: '2007-06-18', contractType: 'TIME_SHARE', employerType: 'SME', sector: 'M', note: 'Via the group' }), CONTEXT);

    expect(read).toMatchObject({
      row: {
        programme: 'paris-gatp',
        command: {
          type: 'RecordJobStart',
          data: { participantId: idOf('paris', 'GATP-2007-014'), occurredOn: '2007-06-18', contractType: 'TIME_SHARE', employerType: 'SME', sector: 'M', weeklyHours: null, note: 'Via the group' },
        },
      },
    });
  });

  it.each([
    ['an unknown kind', { kind: 'INTERVIEW', date: '2007-03-01' }, 'kind', 'UNKNOWN_KIND', 'kind must be one of: ENROLLED, COACHING_SESSION'],
    ['a date that is no date', { kind: 'EXITED', date: '2007-02-30', reason: 'TRAINING' }, 'date', 'BAD_USER_INPUT', 'date must be a date YYYY-MM-DD, a day of the calendar'],
    ['a date in another format', { kind: 'EXITED', date: '30/06/2007', reason: 'TRAINING' }, 'date', 'BAD_USER_INPUT', 'date must be a date YYYY-MM-DD'],
    ['a missing value its kind needs', { kind: 'EXITED', date: '2007-06-30' }, 'reason', 'MISSING_VALUE', 'A row of kind EXITED needs a reason'],
    ['an enum value the API has not', { kind: 'EXITED', date: '2007-06-30', reason: 'FIRED' }, 'reason', 'BAD_USER_INPUT', 'reason must be one of: EMPLOYMENT'],
    ['a number that is not whole', { kind: 'COACHING_SESSION', date: '2007-03-20', mode: 'GROUP', durationMinutes: '1.5' }, 'durationMinutes', 'BAD_USER_INPUT', 'durationMinutes must be a whole number'],
    ['a value another kind has', { kind: 'EXITED', date: '2007-06-30', reason: 'TRAINING', sector: 'M' }, 'sector', 'UNEXPECTED_VALUE', 'A row of kind EXITED has no sector'],
    ['a programme the city has not', { programme: 'paris-nowhere', kind: 'EXITED', date: '2007-06-30', reason: 'TRAINING' }, 'programme', 'BAD_USER_INPUT', 'programme must be one of the programmes of paris: paris-gatp'],
    ['a partner the city has not', { kind: 'REFERRED', date: '2007-04-02', partner: 'nowhere' }, 'partner', 'BAD_USER_INPUT', 'partner must be one of the partners of paris: '],
  ])('given %s, names the column and the code', (_, cells, column, code, message) => {
    const read = parseRow(row(cells), CONTEXT);

    expect(read).toEqual({ errors: [{ line: 7, column, code, message: expect.stringContaining(message) }] });
  });

  it("given a row of another city than the importer's, refuses it as the API refuses an adviser of another city", () => {
    const read = parseRow(row({ ...ENROLMENT, city: 'frankfurt', programme: 'frankfurt-test-group' }), CONTEXT);

    expect(read).toEqual({ errors: [{ line: 7, column: 'city', code: 'FORBIDDEN', message: 'The row is of another city than paris: this import records journeys of paris only' }] });
  });

  it("given values the API's validation refuses, answers every one of them in the API's words, by column", () => {
    const read = parseRow(
      row({ ...ENROLMENT, programme: 'paris-nowhere', birthYear: '1920', lastSector: 'Z', email: 'not-an-email', unemployedSince: '2008-01-01' }),
      CONTEXT,
    );

    expect('errors' in read && read.errors.map(({ column, code, message }) => [column, code, message])).toEqual(
      expect.arrayContaining([
        ['lastSector', 'BAD_USER_INPUT', 'lastSector must be a NACE Rev. 2 section letter from A to U'],
        ['email', 'BAD_USER_INPUT', 'email must be an email address'],
        ['programme', 'BAD_USER_INPUT', expect.stringContaining('programme must be one of the programmes of paris:')],
        ['birthYear', 'BAD_USER_INPUT', 'Must be between 1930 and 1986'],
        ['unemployedSince', 'BAD_USER_INPUT', 'Must not be after the enrolment date'],
      ]),
    );
  });

  it('given a row without reference, city, kind or date, says each is missing', () => {
    const read = parseRow({ line: 3, cells: { programme: 'paris-gatp' } }, CONTEXT);

    expect(read).toEqual({
      errors: ['reference', 'city', 'kind', 'date'].map((column) => ({ line: 3, column, code: 'MISSING_VALUE', message: `A row needs a ${column}` })),
    });
  });

  it('given a re-enrolment, takes its programme as the new one, and none as the current one', () => {
    const into = parseRow(row({ programme: 'paris-tiers-secteur', kind: 'RE_ENROLLED', date: '2008-02-01' }), CONTEXT);
    const same = parseRow(row({ kind: 'RE_ENROLLED', date: '2008-02-01' }), CONTEXT);

    expect(into).toMatchObject({ row: { programme: null, command: { type: 'ReEnrolParticipant', data: { programme: 'paris-tiers-secteur' } } } });
    expect(same).toMatchObject({ row: { command: { data: { programme: null } } } });
  });
});
