import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AppConfig } from '../../src/config/config';
import { APP_CONFIG } from '../../src/config/config.module';
import { pseudonymOf } from '../../src/life-paths/pseudonym';
import type { KeyVault } from '../../src/personal-data/key-vault.port';
import { KEY_VAULT } from '../../src/storage/storage.tokens';
import { parseCsv } from '../unit/life-paths/csv-reader';
import { fakeClock } from '../support/fake-clock';
import type { GraphQLResponse } from '../support/graphql-client';
import { type AmendingMutation, caseMutation, enrolmentInput, type JourneyMutation } from '../support/journey-api';
import { appForTests } from '../support/test-app';
import { eventually } from '../support/eventually';
import { bearer } from '../support/tokens';

/** The whole case file, with what corrections, voids and notes add to it. */
const CASE_FILE = `
  id version city programme status enrolledOn firstEnrolledOn exitedOn exitReason outcome
  personal { fullName email phone } personalDataErased
  timeline {
    sequence kind occurredOn recordedAt recordedBy summary note corrected voided
    values { occurredOn city programme mode durationMinutes contractType employerType sector weeklyHours exitReason }
    original { occurredOn city programme mode durationMinutes contractType employerType sector weeklyHours exitReason }
    amendments { sequence kind changedFields reason recordedAt recordedBy }
  }
  notes { sequence writtenOn recordedAt recordedBy note }
`;

const CASE_QUERY = `query ($id: ID!) { participant(id: $id) { ${CASE_FILE} } }`;

const DASHBOARD = `query ($city: String!, $programme: String, $asOf: Date) {
  cityDashboard(city: $city, programme: $programme, asOf: $asOf) {
    city programme asOf enrolled active exited positiveExits jobReturns medianDaysToOutcome
    jobsByContract { contractType count }
  } }`;

const TIME_TO_OUTCOME = `query ($city: String!, $programme: String) {
  timeToOutcome(city: $city, programme: $programme) {
    participants events censored medianDays points { day stillSearching atRisk events }
  } }`;

const LIFE_PATHS = `query ($filter: LifePathFilter) {
  lifePaths(filter: $filter, first: 100) {
    releasedAsOf
    edges { node { pseudonym city programme outcome steps { month kind detail } } }
    totalCount suppressedCount k
  } }`;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every byte the store keeps on disk: the database file and its write-ahead log (as erasure.e2e.spec.ts reads them). */
function storedBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

const contracts = (list: { contractType: string; count: number | null }[]) =>
  Object.fromEntries(list.filter((e) => (e.count ?? 0) > 0).map((e) => [e.contractType, e.count]));

interface Milestone {
  sequence: number;
  kind: string;
  occurredOn: string;
  recordedAt: string;
  note: string | null;
  corrected: boolean;
  voided: boolean;
  values: Record<string, unknown>;
  original: Record<string, unknown> | null;
  amendments: { sequence: number; kind: string; changedFields: string[]; reason: string; recordedAt: string; recordedBy: string }[];
}

interface Path {
  pseudonym: string;
  outcome: string | null;
  steps: { month: number; kind: string; detail: string | null }[];
}

describe('corrections and voids of recorded milestones (e2e, real app on a SQLite file)', () => {
  // k = 1 releases every life path at its finest detail: this file follows one participant's path
  // through a correction, and life-paths.e2e.spec.ts covers anonymisation over a seeded population.
  const api = appForTests({ K_ANONYMITY: '1' });
  // Life paths are released as monthly snapshots: journeys are recorded in September, the
  // corrections in October, and each is read in the month after (the system clock faked).
  const clock = fakeClock('2026-09-10T10:00:00Z');
  afterAll(() => clock.restore());

  /** The adviser who records and puts right every journey of a city; their sub is what `recordedBy` shows. */
  const adviserSubs = { paris: 'adviser-paris-claire', frankfurt: 'adviser-frankfurt-jonas', stockholm: 'adviser-stockholm-linnea' };
  const advisers: Record<string, string> = {};
  beforeAll(async () => {
    for (const [city, sub] of Object.entries(adviserSubs)) advisers[city] = await bearer('adviser', city, sub);
  });

  async function send(name: JourneyMutation | AmendingMutation, input: Record<string, unknown>, as: string): Promise<GraphQLResponse> {
    return api.gql(caseMutation(name, CASE_FILE), { input }, as);
  }

  /** A mutation the test needs to succeed; answers the case. */
  async function record(name: JourneyMutation | AmendingMutation, input: Record<string, unknown>, as: string) {
    const response = await send(name, input, as);
    expect(response.errors).toBeUndefined();
    return response.data![name];
  }

  async function caseFile(id: string, as: string) {
    const response = await api.gql(CASE_QUERY, { id }, as);
    expect(response.errors).toBeUndefined();
    return response.data!.participant;
  }

  /** An enrolment in `city` on 12 March 2007; every journey below starts there, long before the service's today. */
  async function enrol(city: string, programme: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const participantId = randomUUID();
    await record('enrolParticipant', enrolmentInput({ participantId, city, programme, enrolledOn: '2007-03-12', ...overrides }), advisers[city]!);
    return participantId;
  }

  describe('a job start put right and a coaching session voided, then read back everywhere', () => {
    const JOB_REASON = 'Contract signed on 4 June, not 2 May: the adviser had typed the date of the interview';
    const VOID_REASON = 'Session cancelled by the coach; recorded by mistake';
    // Between the job's recorded date (2 May) and its corrected one (4 June).
    const AS_OF = '2007-05-20';
    const scope = { city: 'paris', programme: 'paris-gatp' };

    let coordinator: string;
    let researcher: string;
    let participantId: string;
    let before: { live: any; asOf: any; cityAsOf: any; curve: any; path: Path };
    let correctedAnswer: any;
    let voidedAnswer: any;

    const dashboard = async (variables: Record<string, unknown>) => {
      const response = await api.gql(DASHBOARD, variables, coordinator);
      expect(response.errors).toBeUndefined();
      return response.data!.cityDashboard;
    };
    const curve = async () => {
      const response = await api.gql(TIME_TO_OUTCOME, scope, coordinator);
      expect(response.errors).toBeUndefined();
      return response.data!.timeToOutcome;
    };
    /** The participant's path, found among Paris's positive outcomes (theirs is the only one). */
    const pathOf = async (id: string): Promise<Path> => {
      const response = await api.gql(LIFE_PATHS, { filter: { city: 'paris', outcome: 'POSITIVE' } }, researcher);
      expect(response.errors).toBeUndefined();
      const paths: Path[] = response.data!.lifePaths.edges.map((e: { node: Path }) => e.node);
      const { pseudonymSecret } = api.app.get<AppConfig>(APP_CONFIG);
      expect(paths.map((p) => p.pseudonym)).toEqual([pseudonymOf(id, pseudonymSecret, response.data!.lifePaths.releasedAsOf)]);
      return paths[0]!;
    };

    beforeAll(async () => {
      coordinator = await bearer('coordinator', 'paris');
      researcher = await bearer('researcher');
      const paris = advisers.paris!;
      // Two others in the same group, so that the curve has more than one step and the figures
      // show that only the corrected journey moved: one found a job on 10 April (day 29), one is still searching.
      const found = await enrol('paris', 'paris-gatp');
      await record('recordJobStart', { participantId: found, occurredOn: '2007-04-10', contractType: 'PERMANENT', employerType: 'SME', sector: 'K' }, paris);
      const searching = await enrol('paris', 'paris-gatp');
      await record('recordCoachingSession', { participantId: searching, occurredOn: '2007-03-20', mode: 'GROUP', durationMinutes: 120 }, paris);

      participantId = await enrol('paris', 'paris-gatp');
      await record('recordCoachingSession', { participantId, occurredOn: '2007-03-26', mode: 'INDIVIDUAL', durationMinutes: 60 }, paris);
      await record('recordCoachingSession', { participantId, occurredOn: '2007-04-16', mode: 'GROUP', durationMinutes: 90 }, paris);
      await record(
        'recordJobStart',
        { participantId, occurredOn: '2007-05-02', contractType: 'TIME_SHARE', employerType: 'EMPLOYER_GROUP', sector: 'M', weeklyHours: 20 },
        paris,
      );
      await record('recordExit', { participantId, occurredOn: '2007-06-29', reason: 'EMPLOYMENT' }, paris);

      clock.set('2026-10-05T10:00:00Z');
      // A month's life paths are released once an event of a later month is recorded: one elsewhere closes September.
      await enrol('stockholm', 'stockholm-test-group');
      before = {
        live: await dashboard(scope),
        asOf: await dashboard({ ...scope, asOf: AS_OF }),
        cityAsOf: await dashboard({ city: 'paris', asOf: AS_OF }),
        curve: await curve(),
        path: await pathOf(participantId),
      };

      correctedAnswer = await record(
        'correctMilestone',
        { participantId, sequence: 4, occurredOn: '2007-06-04', reason: JOB_REASON, expectedVersion: 5, commandId: randomUUID() },
        paris,
      );
      voidedAnswer = await record('voidMilestone', { participantId, sequence: 3, reason: VOID_REASON, expectedVersion: 6, commandId: randomUUID() }, paris);
      clock.set('2026-11-05T10:00:00Z');
      await enrol('stockholm', 'stockholm-test-group');
    });

    it('shows the corrected job with its original date, the voided session, and who did it and why', async () => {
      const file = await caseFile(participantId, advisers.paris!);
      // Five milestones and two amendments: the amendments are events of the stream, not milestones.
      expect(file).toMatchObject({ version: 7, status: 'EXITED', exitedOn: '2007-06-29', exitReason: 'EMPLOYMENT', outcome: 'POSITIVE' });
      expect(file.timeline.map((m: Milestone) => [m.sequence, m.kind])).toEqual([
        [1, 'ENROLLED'],
        [2, 'COACHING_SESSION'],
        [3, 'COACHING_SESSION'],
        [4, 'JOB_STARTED'],
        [5, 'EXITED'],
      ]);
      const [enrolment, kept, voided, job, exit] = file.timeline as Milestone[];

      expect(job).toMatchObject({
        occurredOn: '2007-06-04',
        corrected: true,
        voided: false,
        values: { occurredOn: '2007-06-04', contractType: 'TIME_SHARE', employerType: 'EMPLOYER_GROUP', sector: 'M', weeklyHours: 20 },
        original: { occurredOn: '2007-05-02', contractType: 'TIME_SHARE', employerType: 'EMPLOYER_GROUP', sector: 'M', weeklyHours: 20 },
      });
      expect(job!.amendments).toEqual([
        { sequence: 6, kind: 'CORRECTED', changedFields: ['occurredOn'], reason: JOB_REASON, recordedAt: expect.stringMatching(ISO_DATE_TIME), recordedBy: adviserSubs.paris },
      ]);

      expect(voided).toMatchObject({ occurredOn: '2007-04-16', voided: true, corrected: false, original: null, values: { occurredOn: '2007-04-16', mode: 'GROUP', durationMinutes: 90 } });
      expect(voided!.amendments).toEqual([
        { sequence: 7, kind: 'VOIDED', changedFields: [], reason: VOID_REASON, recordedAt: expect.stringMatching(ISO_DATE_TIME), recordedBy: adviserSubs.paris },
      ]);
      // Recorded after the milestones they amend, in the order they were sent.
      expect(job!.amendments[0]!.recordedAt >= exit!.recordedAt).toBe(true);
      expect(voided!.amendments[0]!.recordedAt >= job!.amendments[0]!.recordedAt).toBe(true);

      for (const untouched of [enrolment, kept, exit]) expect(untouched).toMatchObject({ corrected: false, voided: false, original: null, amendments: [] });

      // The mutations answer the case as it then stood; the last one answers what queries now read.
      expect(correctedAnswer).toMatchObject({ version: 6 });
      expect(correctedAnswer.timeline[3]).toMatchObject({ occurredOn: '2007-06-04', corrected: true, original: { occurredOn: '2007-05-02' } });
      expect(voidedAnswer).toEqual(file);
    });

    it('counts the job on its corrected date: out of the figures as of a day before it, still in the live ones', async () => {
      expect(before.live).toMatchObject({ enrolled: 3, active: 2, exited: 1, positiveExits: 1, jobReturns: 2, medianDaysToOutcome: 51 });
      expect(before.asOf).toMatchObject({ asOf: AS_OF, enrolled: 3, active: 3, exited: 0, jobReturns: 2, medianDaysToOutcome: 51 });
      expect(contracts(before.asOf.jobsByContract)).toEqual({ PERMANENT: 1, TIME_SHARE: 1 });

      const live = await dashboard(scope);
      const asOf = await dashboard({ ...scope, asOf: AS_OF });
      const cityAsOf = await dashboard({ city: 'paris', asOf: AS_OF });

      // Days to outcome: 29 (10 April), 51 (2 May) before, 84 (4 June) after; the third still searches.
      expect(live).toMatchObject({ enrolled: 3, active: 2, exited: 1, positiveExits: 1, jobReturns: 2, medianDaysToOutcome: 84 });
      expect(contracts(live.jobsByContract)).toEqual({ PERMANENT: 1, TIME_SHARE: 1 });
      // On 20 May the corrected job has not started: only the 10 April one counts, and with one
      // outcome in three the curve never reaches one half.
      expect(asOf).toMatchObject({ asOf: AS_OF, enrolled: 3, active: 3, exited: 0, jobReturns: 1, medianDaysToOutcome: null });
      expect(contracts(asOf.jobsByContract)).toEqual({ PERMANENT: 1 });
      expect(cityAsOf.jobReturns).toBe(before.cityAsOf.jobReturns - 1);
    });

    it('moves the time-to-outcome curve to the corrected date, with the same participants and events', async () => {
      expect(before.curve).toMatchObject({ participants: 3, events: 2, censored: 1, medianDays: 51 });
      expect(before.curve.points.map((p: { day: number }) => p.day)).toEqual([29, 51]);

      const after = await curve();
      expect(after).toMatchObject({ participants: 3, events: 2, censored: 1, medianDays: 84 });
      expect(after.points).toEqual([
        { day: 29, stillSearching: expect.closeTo(2 / 3, 3), atRisk: 3, events: 1 },
        { day: 84, stillSearching: expect.closeTo(1 / 3, 3), atRisk: 2, events: 1 },
      ]);
    });

    it('refuses to void the job an EMPLOYMENT exit needs, and stores nothing', async () => {
      const live = await dashboard(scope);
      const stored = await caseFile(participantId, advisers.paris!);

      const refused = await send('voidMilestone', { participantId, sequence: 4, reason: 'Wrong participant', expectedVersion: 7 }, advisers.paris!);

      expect(refused.data?.voidMilestone ?? null).toBeNull();
      expect(refused.errors).toHaveLength(1);
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'EXIT_WITHOUT_OUTCOME' });
      expect(await caseFile(participantId, advisers.paris!)).toEqual(stored);
      expect(stored.version).toBe(7);
      expect(await dashboard(scope)).toEqual(live);
    });

    it('shows the job in the life path in its corrected month, and no step for the voided session', async () => {
      // Entry in March 2007: month 0. The job moved from May (2) to June (3).
      expect(before.path.steps).toEqual([
        { month: 0, kind: 'ENROLLED', detail: null },
        { month: 0, kind: 'COACHING_SESSION', detail: 'INDIVIDUAL' },
        { month: 1, kind: 'COACHING_SESSION', detail: 'GROUP' },
        { month: 2, kind: 'JOB_STARTED', detail: 'TIME_SHARE' },
        { month: 3, kind: 'EXITED', detail: 'EMPLOYMENT' },
      ]);
      const expectedSteps = [
        { month: 0, kind: 'ENROLLED', detail: null },
        { month: 0, kind: 'COACHING_SESSION', detail: 'INDIVIDUAL' },
        { month: 3, kind: 'JOB_STARTED', detail: 'TIME_SHARE' },
        { month: 3, kind: 'EXITED', detail: 'EMPLOYMENT' },
      ];
      const path = await pathOf(participantId);
      expect(path).toMatchObject({ outcome: 'POSITIVE', steps: expectedSteps });

      // The CSV export releases the same path, as a Paris coordinator downloads it.
      const url = `${api.url.replace(/\/graphql$/, '')}/exports/life-paths.csv?city=paris`;
      const response = await fetch(url, { headers: { authorization: coordinator } });
      expect(response.status).toBe(200);
      const [header, ...rows] = parseCsv(await response.text());
      const row = rows.find((r) => r[0] === path.pseudonym)!;
      expect(row[header!.indexOf('outcome')]).toBe('POSITIVE');
      expect(row.at(-1)).toBe('0:ENROLLED:|0:COACHING_SESSION:INDIVIDUAL|3:JOB_STARTED:TIME_SHARE|3:EXITED:EMPLOYMENT');
    });
  });

  describe('refused corrections and voids: an error saying why, and nothing stored', () => {
    const UNKNOWN = randomUUID();
    let participantId: string;
    let stored: any;

    // Enrolled on 12 March, coached on 26 March (2), a job on 2 May (3), an exit on 29 June (4).
    beforeAll(async () => {
      const stockholm = advisers.stockholm!;
      participantId = await enrol('stockholm', 'stockholm-test-group');
      await record('recordCoachingSession', { participantId, occurredOn: '2007-03-26', mode: 'INDIVIDUAL', durationMinutes: 60 }, stockholm);
      await record('recordJobStart', { participantId, occurredOn: '2007-05-02', contractType: 'PERMANENT', employerType: 'SME', sector: 'J' }, stockholm);
      await record('recordExit', { participantId, occurredOn: '2007-06-29', reason: 'EMPLOYMENT' }, stockholm);
      stored = await caseFile(participantId, stockholm);
      expect(stored.version).toBe(4);
    });

    interface Refusal {
      title: string;
      name: 'correctMilestone' | 'voidMilestone';
      input: Record<string, unknown>;
      /** Whose token sends it: Stockholm's adviser unless the test is about another city's. */
      as?: 'paris';
      code: string;
      rule?: string;
      field?: string;
    }

    // Each one is sent with the current version, so that only what it is about can refuse it.
    const REFUSALS: Refusal[] = [
      { title: "the enrolment's city", name: 'correctMilestone', input: { sequence: 1, city: 'paris' }, code: 'BAD_USER_INPUT', field: 'city' },
      { title: 'a field a coaching session does not have', name: 'correctMilestone', input: { sequence: 2, contractType: 'TIME_SHARE' }, code: 'BAD_USER_INPUT', field: 'contractType' },
      { title: 'an unknown sequence', name: 'correctMilestone', input: { sequence: 99, occurredOn: '2007-04-02' }, code: 'BAD_USER_INPUT', field: 'sequence' },
      { title: 'a stale expected version', name: 'correctMilestone', input: { sequence: 3, occurredOn: '2007-05-03', expectedVersion: 3 }, code: 'CONFLICT' },
      { title: 'a coaching session moved after the exit', name: 'correctMilestone', input: { sequence: 2, occurredOn: '2007-07-02' }, code: 'RULE_VIOLATION', rule: 'DATE_BEFORE_LAST_MILESTONE' },
      { title: 'voiding the enrolment', name: 'voidMilestone', input: { sequence: 1 }, code: 'BAD_USER_INPUT', field: 'sequence' },
      { title: "an adviser of another city, as if the participant were unknown", name: 'correctMilestone', input: { sequence: 3, occurredOn: '2007-05-03' }, as: 'paris', code: 'NOT_FOUND' },
    ];

    it.each(REFUSALS)('$title: $code', async ({ name, input, as, code, rule, field }) => {
      const sent = { participantId, reason: 'Put right after a call with the employer', expectedVersion: 4, commandId: randomUUID(), ...input };

      const response = await send(name, sent, advisers[as ?? 'stockholm']!);

      expect(response.data?.[name] ?? null).toBeNull();
      expect(response.errors).toHaveLength(1);
      const { extensions, message } = response.errors![0]!;
      expect(extensions?.code).toBe(code);
      if (rule) expect(extensions?.rule).toBe(rule);
      if (field) expect(extensions?.fieldErrors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
      if (code === 'CONFLICT') expect(extensions?.currentVersion).toBe(4);
      if (code === 'NOT_FOUND') {
        // The very answer an unknown participant gets, but for the id it names.
        const unknown = await send(name, { ...sent, participantId: UNKNOWN, commandId: randomUUID() }, advisers[as ?? 'stockholm']!);
        expect(unknown.errors).toHaveLength(1);
        expect(unknown.errors![0]!.extensions).toEqual(extensions);
        expect(unknown.errors![0]!.message.replace(UNKNOWN, '<id>')).toBe(message.replace(participantId, '<id>'));
      }
      expect(await caseFile(participantId, advisers.stockholm!)).toEqual(stored);
    });
  });

  describe('new personal details and case notes, then erasure', () => {
    const ENROLLED_AS = { fullName: 'Ingrid Achterberg-Wolff', email: 'ingrid.achterberg@example.de', phone: '+49 69 1234 5678' };
    const NEW_DETAILS = { fullName: 'Ingrid Wolff-Sandoval', email: 'i.wolff-sandoval@example.de', phone: null };
    const NOTE = 'Moved in with her sister in Offenbach after the divorce; prefers calls after 4 pm.';

    it('reads them back, and after erasure shows none of them, refuses new ones, and leaves none in the file', async () => {
      const frankfurt = advisers.frankfurt!;
      const participantId = await enrol('frankfurt', 'frankfurt-kompass', { personal: ENROLLED_AS, note: null, unemployedSince: null });

      const updated = await record('updatePersonalDetails', { participantId, personal: NEW_DETAILS, expectedVersion: 1 }, frankfurt);
      expect(updated).toMatchObject({ version: 2, personal: NEW_DETAILS });
      await record('addNote', { participantId, writtenOn: '2007-04-20', text: NOTE, expectedVersion: 2 }, frankfurt);

      const read = await caseFile(participantId, frankfurt);
      expect(read).toMatchObject({ version: 3, personal: NEW_DETAILS, personalDataErased: false });
      expect(read.notes).toEqual([
        { sequence: 3, writtenOn: '2007-04-20', recordedAt: expect.stringMatching(ISO_DATE_TIME), recordedBy: adviserSubs.frankfurt, note: NOTE },
      ]);
      // New details and notes are no milestones of the journey.
      expect(read.timeline.map((m: Milestone) => m.kind)).toEqual(['ENROLLED']);
      // Sealed from the start: the clear text was never written.
      for (const secret of [NEW_DETAILS.fullName, NEW_DETAILS.email, NOTE]) expect(storedBytes(api.file).includes(secret)).toBe(false);

      const reader = new Database(api.file, { readonly: true });
      const { key } = reader.prepare('SELECT key FROM participant_keys WHERE participant_id = ?').get(participantId) as { key: Buffer };
      reader.close();

      const erased = await record('erasePersonalData', { participantId, reason: 'Asked by the participant' }, frankfurt);
      expect(erased).toMatchObject({ version: 4, personal: null, personalDataErased: true });

      const after = await caseFile(participantId, frankfurt);
      expect(after).toMatchObject({ version: 4, personal: null, personalDataErased: true });
      expect(after.notes.map((n: { note: string | null }) => n.note)).toEqual([null]);
      expect(after.notes[0]).toMatchObject({ sequence: 3, writtenOn: '2007-04-20', recordedBy: adviserSubs.frankfurt });
      expect(after.timeline.map((m: Milestone) => m.note)).toEqual([null, null]);

      const refusedDetails = await send('updatePersonalDetails', { participantId, personal: { fullName: 'Ingrid Wolff' } }, frankfurt);
      expect(refusedDetails.errors![0]!.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ERASED' });
      const refusedNote = await send('addNote', { participantId, text: 'Called back: no answer.' }, frankfurt);
      expect(refusedNote.errors![0]!.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ERASED' });
      expect((await caseFile(participantId, frankfurt)).version).toBe(4);

      // The key's page images leave the write-ahead log once no reader holds it (a release being
      // prepared in the background may, for a moment): the removal is retried until then.
      const vault = api.app.get<KeyVault>(KEY_VAULT);
      await eventually('the shredded key is removed from the write-ahead log', async () => (await vault.pendingRemovals()).count === 0);
      const bytes = storedBytes(api.file);
      expect(bytes.includes(key)).toBe(false);
      for (const secret of [ENROLLED_AS.fullName, NEW_DETAILS.fullName, NEW_DETAILS.email, NOTE]) expect(bytes.includes(secret)).toBe(false);
    });
  });

  describe('a correction sent twice with one commandId', () => {
    it('is recorded once, and the retry answers the case as it stands', async () => {
      const frankfurt = advisers.frankfurt!;
      const participantId = await enrol('frankfurt', 'frankfurt-test-group', { unemployedSince: null });
      await record('recordCoachingSession', { participantId, occurredOn: '2007-03-26', mode: 'INDIVIDUAL', durationMinutes: 60 }, frankfurt);
      // The retry is the very same request: its expected version is stale by then, which must not
      // turn the retry of a correction that was recorded into a conflict.
      const input = { participantId, sequence: 2, durationMinutes: 90, reason: 'The session ran over', expectedVersion: 2, commandId: randomUUID() };

      const first = await record('correctMilestone', input, frankfurt);
      const retry = await record('correctMilestone', input, frankfurt);

      expect(first.version).toBe(3);
      expect(retry).toEqual(first);
      const read = await caseFile(participantId, frankfurt);
      expect(read.version).toBe(3);
      expect(read.timeline[1]).toMatchObject({ corrected: true, values: { durationMinutes: 90 }, original: { durationMinutes: 60 } });
      expect(read.timeline[1].amendments).toEqual([
        expect.objectContaining({ sequence: 3, kind: 'CORRECTED', changedFields: ['durationMinutes'], reason: 'The session ran over' }),
      ]);
    });
  });
});
