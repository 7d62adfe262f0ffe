import type { AppConfig } from '../../src/config/config';
import { APP_CONFIG } from '../../src/config/config.module';
import { JourneyImport } from '../../src/import/journey-import';
import { importedParticipantIds } from '../../src/import/participant-ids';
import { ALL_COLUMNS } from '../../src/import/import-columns';
import { fakeClock } from '../support/fake-clock';
import { BAD_ROWS, csvOf, EXAMPLE_PARTICIPANTS, exampleRows, mixedFile, recordThroughApi, xlsxOf } from '../support/past-journeys-file';
import { encodings, storedBytes } from '../support/stored-bytes';
import { eventsPerParticipant } from '../support/stored-participants';
import { appForTests, type AppForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

const IMPORT = { city: 'paris', recordedBy: 'import:past-journeys.csv' };

/** The participants a file's references stand for in Paris, with their number of events. */
function expectedParticipants(app: AppForTests): Map<string, number> {
  const idOf = importedParticipantIds(app.app.get<AppConfig>(APP_CONFIG).pseudonymSecret);
  return new Map(Object.entries(EXAMPLE_PARTICIPANTS).map(([reference, rows]) => [idOf('paris', reference), rows]));
}

/** Every figure of Paris's dashboards but when they changed: live, per programme, as of past dates, and time to outcome. */
const FIGURES = `{
  live: cityDashboard(city: "paris") { ...figures }
  gatp: cityDashboard(city: "paris", programme: "paris-gatp") { ...figures }
  tiers: cityDashboard(city: "paris", programme: "paris-tiers-secteur") { ...figures }
  endOf2007: cityDashboard(city: "paris", asOf: "2007-12-31") { ...figures }
  mid2007: cityDashboard(city: "paris", asOf: "2007-06-30") { ...figures }
  timeToOutcome(city: "paris") { participants medianDays points { day stillSearching atRisk } }
  trend: dashboardSeries(city: "paris", from: "2007-01-01", to: "2008-03-31") { points { asOf enrolled exited positiveExitRate jobReturnRate } }
}
fragment figures on Dashboard {
  enrolled active exited positiveExits neutralExits positiveExitRate jobReturns jobReturnRate businessCreations businessCreationRate
  medianDaysToOutcome followUps6m sustainedOutcomes6m exitsByReason { reason count } jobsByContract { contractType count }
}`;

describe('importing past journeys (e2e, the real service on SQLite files)', () => {
  const clock = fakeClock('2026-11-28T10:00:00Z');
  afterAll(() => clock.restore());
  const imported = appForTests();
  const throughApi = appForTests();
  const fromXlsx = appForTests();
  const importer = (app: AppForTests) => app.app.get(JourneyImport);

  describe('a CSV file with good rows and every kind of bad row', () => {
    const { rows, errors } = mixedFile();
    const file = { bytes: csvOf(rows), format: 'csv' as const };

    it('in a dry run, lists every error with its line and column, and stores nothing', async () => {
      const report = await importer(imported).run(file, { ...IMPORT, dryRun: true });

      expect(report.errors.map(({ line, column, code, rule }) => ({ line, column, code, ...(rule ? { rule } : {}) }))).toEqual(errors);
      expect(report).toMatchObject({ dryRun: true, rows: rows.length, participants: 8, recorded: 15, alreadyThere: 0, notRecorded: rows.length - 15 });
      expect(report.errorsByCode).toEqual({ UNKNOWN_KIND: 1, BAD_USER_INPUT: 2, RULE_VIOLATION: 1, MISSING_VALUE: 1, FORBIDDEN: 1 });
      expect(eventsPerParticipant(imported.file).size).toBe(0);
    });

    it('records exactly the participants whose every row is good, each with all its rows', async () => {
      const report = await importer(imported).run(file, { ...IMPORT, dryRun: false });

      expect(report).toMatchObject({ dryRun: false, recorded: 15, alreadyThere: 0 });
      expect(report.errors).toHaveLength(BAD_ROWS.length);
      expect(eventsPerParticipant(imported.file)).toEqual(expectedParticipants(imported));
    });

    it('run again, records nothing new: every good row is already there', async () => {
      const report = await importer(imported).run(file, { ...IMPORT, dryRun: false });

      expect(report).toMatchObject({ recorded: 0, alreadyThere: 15, notRecorded: rows.length - 15 });
      expect(eventsPerParticipant(imported.file)).toEqual(expectedParticipants(imported));
    });

    it('gives the dashboards the same journeys recorded through the API give', async () => {
      await recordThroughApi((query, variables) => throughApi.gql(query, variables), exampleRows());
      const coordinator = await bearer('coordinator', 'paris');

      const [fromFile, fromApi] = await Promise.all([imported.gql(FIGURES, {}, coordinator), throughApi.gql(FIGURES, {}, coordinator)]);

      expect(fromFile.errors).toBeUndefined();
      expect(fromFile.data).toEqual(fromApi.data);
      expect(fromFile.data!.live).toMatchObject({ enrolled: 3, exited: 2, positiveExits: 2 });
    });

    it('keeps the personal data of the file sealed, and shows it to an adviser of the city', async () => {
      const [id] = expectedParticipants(imported).keys();
      const answer = await imported.gql(`query ($id: ID!) { participant(id: $id) { personal { fullName email } timeline { kind recordedBy } } }`, { id }, await bearer('adviser', 'paris'));

      expect(answer.data!.participant).toMatchObject({
        personal: { fullName: 'Hélène Marchetti', email: 'helene.marchetti@example.org' },
        timeline: expect.arrayContaining([{ kind: 'ENROLLED', recordedBy: 'import:past-journeys.csv' }]),
      });
      for (const text of ['Hélène Marchetti', 'helene.marchetti@example.org', 'Former head of treasury']) {
        for (const bytes of encodings(text)) expect(storedBytes(imported.file).includes(bytes)).toBe(false);
      }
    });
  });

  describe('the same file as an Excel workbook, with date cells', () => {
    const { rows, errors } = mixedFile();

    it('reports the same errors on the same lines, then records the same participants', async () => {
      const file = { bytes: await xlsxOf(rows), format: 'xlsx' as const };

      const dry = await importer(fromXlsx).run(file, { ...IMPORT, dryRun: true });
      expect(dry.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual(errors.map(({ line, column, code }) => ({ line, column, code })));
      expect(eventsPerParticipant(fromXlsx.file).size).toBe(0);

      const real = await importer(fromXlsx).run(file, { ...IMPORT, dryRun: false });
      expect(real).toMatchObject({ recorded: 15 });
      expect(eventsPerParticipant(fromXlsx.file)).toEqual(expectedParticipants(fromXlsx));

      // The CSV's rows are the same commands: nothing of them is new.
      const again = await importer(fromXlsx).run({ bytes: csvOf(rows), format: 'csv' }, { ...IMPORT, dryRun: false });
      expect(again).toMatchObject({ recorded: 0, alreadyThere: 15 });
    });
  });

  it('refuses a file whose header lacks a required column, at line 1, storing nothing', async () => {
    const columns = ALL_COLUMNS.filter((c) => c !== 'kind');
    const report = await importer(throughApi).run({ bytes: csvOf(exampleRows(), columns), format: 'csv' }, { ...IMPORT, dryRun: false });

    expect(report).toMatchObject({ rows: 0, recorded: 0, errors: [{ line: 1, column: 'kind', code: 'MISSING_COLUMN', message: "The header has no column 'kind'" }] });
  });

  describe('the admins\' upload, POST /imports', () => {
    const base = () => imported.url.replace(/\/graphql$/, '');
    const upload = async (query: string, body: Buffer | string, authorization: string | null, type = 'text/csv') =>
      fetch(`${base()}/imports?${query}`, { method: 'POST', headers: { 'content-type': type, ...(authorization ? { authorization } : {}) }, body: typeof body === 'string' ? body : new Uint8Array(body) });

    it.each([
      ['an adviser', () => bearer('adviser', 'paris')],
      ['a coordinator', () => bearer('coordinator', 'paris')],
      ['a researcher', () => bearer('researcher')],
    ])('refuses %s with 403 and FORBIDDEN', async (_, token) => {
      const response = await upload('city=paris&dryRun=true', csvOf(exampleRows()), await token());

      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ errors: [{ message: expect.stringContaining('may not import journeys'), extensions: { code: 'FORBIDDEN' } }] });
    });

    it('refuses a caller without a token with 401', async () => {
      const response = await upload('city=paris', csvOf(exampleRows()), null);

      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    });

    it('answers an admin the report as JSON, the same as the command gives', async () => {
      const { rows } = mixedFile();
      const response = await upload('city=paris&dryRun=true', csvOf(rows), await bearer('admin'));

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(await importer(imported).run({ bytes: csvOf(rows), format: 'csv' }, { ...IMPORT, dryRun: true }));
    });

    it('takes an Excel workbook by its media type', async () => {
      const response = await upload('city=paris&dryRun=true', await xlsxOf(exampleRows()), await bearer('admin'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ rows: 15, alreadyThere: 15, errors: [] });
    });

    it.each([
      ['no city', 'dryRun=true', 'text/csv', 400, 'BAD_USER_INPUT'],
      ['a city the catalogue has not', 'city=lyon', 'text/csv', 400, 'BAD_USER_INPUT'],
      ['a dryRun that is not true or false', 'city=paris&dryRun=yes', 'text/csv', 400, 'BAD_USER_INPUT'],
      ['a body of another media type', 'city=paris', 'text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ])('refuses %s with a code, recording nothing', async (_, query, type, status, code) => {
      const before = eventsPerParticipant(imported.file);
      const response = await upload(query, csvOf(exampleRows()), await bearer('admin'), type);

      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code } }] });
      expect(eventsPerParticipant(imported.file)).toEqual(before);
    });

    it('refuses a file over the size limit with 413', async () => {
      const response = await upload('city=paris', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), await bearer('admin'));

      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    });
  });
});
