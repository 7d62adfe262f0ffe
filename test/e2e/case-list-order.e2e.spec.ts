import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { eventually } from '../support/eventually';
import { fakeClock } from '../support/fake-clock';
import { type AmendingMutation, caseMutation, enrolmentInput, type JourneyMutation, mutation } from '../support/journey-api';
import { appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

const LIST = `query ($city: String, $programme: String, $status: ParticipantStatus, $search: String, $noMilestoneForDays: Int,
  $orderBy: CaseOrder, $first: Int, $after: String) {
  participants(city: $city, programme: $programme, status: $status, search: $search, noMilestoneForDays: $noMilestoneForDays,
    orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { reference lastMilestoneOn updatedAt } } } }`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { reference: string; lastMilestoneOn: string; updatedAt: string } }[];
}

const ORDERS = ['FIRST_ENROLMENT', 'RECENTLY_CHANGED', 'REFERENCE'] as const;

/** The n-th minute past ten on the service's today: the clock is set there for the n-th step of the journeys below. */
const minute = (n: number): string => `2026-09-10T10:${String(n).padStart(2, '0')}:00.000Z`;

describe('case lists in each order, and cases with no milestone for N days (e2e, real app on a SQLite file)', () => {
  const api = appForTests();
  // Today is 10 September 2026 in Paris and Stockholm (both UTC+2), until the clock moves past their midnight.
  const clock = fakeClock(minute(0));
  afterAll(() => clock.restore());

  let step = 0;
  /** Records one step, one minute after the one before: its case's updatedAt is that minute. */
  async function record(name: JourneyMutation | AmendingMutation, input: Record<string, unknown>) {
    step += 1;
    clock.set(minute(step));
    const res = await api.gql(caseMutation(name, 'lastMilestoneOn updatedAt'), { input });
    expect(res.errors).toBeUndefined();
    return res.data![name] as { lastMilestoneOn: string; updatedAt: string };
  }

  /** Every page of the list, `first` at a time: the references in order, and what each page told. */
  async function wholeList(variables: Record<string, unknown>, first = 2, as?: string) {
    const edges: Page['edges'] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await api.gql<{ participants: Page }>(LIST, { ...variables, first, after }, as);
      expect(res.errors).toBeUndefined();
      const page: Page = res.data!.participants;
      totals.add(page.totalCount);
      edges.push(...page.edges);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after !== null);
    expect(totals.size).toBe(1);
    return { references: edges.map((e) => e.node.reference), nodes: edges.map((e) => e.node), totalCount: [...totals][0], pages };
  }

  const references = async (variables: Record<string, unknown>, first = 2) => (await wholeList(variables, first)).references;

  let correctedAnswer: { lastMilestoneOn: string; updatedAt: string };
  let voidedAnswer: { lastMilestoneOn: string; updatedAt: string };

  beforeAll(async () => {
    const LARS = { fullName: 'Lars Petersson', email: null, phone: null };
    const enrol = async (enrolledOn: string, overrides: Record<string, unknown> = {}) => {
      const participantId = randomUUID();
      await record('enrolParticipant', enrolmentInput({ participantId, enrolledOn, unemployedSince: null, ...overrides }));
      return participantId;
    };
    const coaching = (participantId: string, occurredOn: string) =>
      record('recordCoachingSession', { participantId, occurredOn, mode: 'INDIVIDUAL', durationMinutes: 60 });

    // Steps 1 to 9: the enrolments, numbered in this order (PAR-0001 to PAR-0008, STO-0001), dated out of it.
    const a = await enrol('2026-06-01');
    const b = await enrol('2026-05-10');
    const c = await enrol('2026-04-02');
    const d = await enrol('2026-03-15', { personal: LARS });
    const e = await enrol('2026-02-01');
    // Thirty days before today: the boundary of "no milestone for 30 days", on it and a day after it.
    const f = await enrol('2026-08-11', { programme: 'paris-rmi' });
    const g = await enrol('2026-08-12', { personal: LARS });
    const h = await enrol('2026-01-05');
    await enrol('2026-07-01', { city: 'stockholm', programme: 'stockholm-test-group', personal: LARS });
    // Steps 10 to 16.
    await coaching(b, '2026-07-01');
    await coaching(b, '2026-08-20');
    await coaching(c, '2026-08-25');
    await coaching(d, '2026-08-01');
    await record('recordExit', { participantId: e, occurredOn: '2026-03-01', reason: 'OTHER' });
    await coaching(a, '2026-09-01');
    // Recorded late: dated before D's last milestone, it changes D's place among recent changes, not its last milestone.
    await coaching(d, '2026-07-10');
    // Steps 17 to 21: a correction moves C's last milestone back, a void takes B's latest away,
    // the service dates H's erasure today, and a new phone number and a note are no milestones.
    correctedAnswer = await record('correctMilestone', { participantId: c, sequence: 2, occurredOn: '2026-08-05', reason: 'Typed the wrong month' });
    voidedAnswer = await record('voidMilestone', { participantId: b, sequence: 3, reason: 'Recorded for another participant' });
    await record('erasePersonalData', { participantId: h, reason: 'Asked by the participant' });
    await record('updatePersonalDetails', { participantId: g, personal: { ...LARS, phone: '+46 8 123 45 67' } });
    await record('addNote', { participantId: f, text: 'Called: will come on Monday' });
  });

  // Worked out by hand from the steps above. Last milestones: A 09-01, B 07-01 (08-20 voided),
  // C 08-05 (corrected from 08-25), D 08-01 (07-10 recorded late), E 03-01 (exited), F 08-11,
  // G 08-12, H 01-05 (the erasure does not count), STO-0001 07-01.
  // Last events: A step 15, B 18, C 17, D 16, E 14, F 21, G 20, H 19, STO-0001 9.
  const EVERY_CASE = {
    FIRST_ENROLMENT: ['PAR-0008', 'PAR-0005', 'PAR-0004', 'PAR-0003', 'PAR-0002', 'PAR-0001', 'STO-0001', 'PAR-0006', 'PAR-0007'],
    RECENTLY_CHANGED: ['PAR-0006', 'PAR-0007', 'PAR-0008', 'PAR-0002', 'PAR-0003', 'PAR-0004', 'PAR-0001', 'PAR-0005', 'STO-0001'],
    REFERENCE: ['PAR-0001', 'PAR-0002', 'PAR-0003', 'PAR-0004', 'PAR-0005', 'PAR-0006', 'PAR-0007', 'PAR-0008', 'STO-0001'],
  };
  // Active, and last milestone on or before 11 August (30 days before 10 September): B, C, D, F, H and STO-0001.
  const QUIET_FOR_30_DAYS = {
    FIRST_ENROLMENT: ['PAR-0008', 'PAR-0004', 'PAR-0003', 'PAR-0002', 'STO-0001', 'PAR-0006'],
    RECENTLY_CHANGED: ['PAR-0006', 'PAR-0008', 'PAR-0002', 'PAR-0003', 'PAR-0004', 'STO-0001'],
    REFERENCE: ['PAR-0002', 'PAR-0003', 'PAR-0004', 'PAR-0006', 'PAR-0008', 'STO-0001'],
  };

  it.each(ORDERS)('pages through every case in %s order, two at a time, each case once', async (orderBy) => {
    const list = await wholeList({ orderBy });
    expect(list).toMatchObject({ references: EVERY_CASE[orderBy], totalCount: 9, pages: 5 });
  });

  it('shows each case its last milestone and when its latest event was recorded, as a mutation answers them', async () => {
    const { nodes } = await wholeList({ orderBy: 'REFERENCE' }, 100);
    expect(nodes.map((n) => [n.reference, n.lastMilestoneOn, n.updatedAt])).toEqual([
      ['PAR-0001', '2026-09-01', minute(15)],
      ['PAR-0002', '2026-07-01', minute(18)],
      ['PAR-0003', '2026-08-05', minute(17)],
      ['PAR-0004', '2026-08-01', minute(16)],
      ['PAR-0005', '2026-03-01', minute(14)],
      ['PAR-0006', '2026-08-11', minute(21)],
      ['PAR-0007', '2026-08-12', minute(20)],
      ['PAR-0008', '2026-01-05', minute(19)],
      ['STO-0001', '2026-07-01', minute(9)],
    ]);
    expect(correctedAnswer).toEqual({ lastMilestoneOn: '2026-08-05', updatedAt: minute(17) });
    expect(voidedAnswer).toEqual({ lastMilestoneOn: '2026-07-01', updatedAt: minute(18) });
  });

  it('leaves the default order as it was: first enrolment, whose cursors it takes', async () => {
    expect(await references({})).toEqual(EVERY_CASE.FIRST_ENROLMENT);
    const firstPage = (await api.gql(LIST, { orderBy: 'FIRST_ENROLMENT', first: 4 })).data!.participants as Page;
    const rest = (await api.gql(LIST, { after: firstPage.pageInfo.endCursor, first: 10 })).data!.participants as Page;
    expect(rest.edges.map((e) => e.node.reference)).toEqual(EVERY_CASE.FIRST_ENROLMENT.slice(4));
  });

  it.each(ORDERS)('lists the active cases with no milestone for 30 days in %s order, across pages', async (orderBy) => {
    const list = await wholeList({ noMilestoneForDays: 30, orderBy });
    expect(list).toMatchObject({ references: QUIET_FOR_30_DAYS[orderBy], totalCount: 6, pages: 3 });
  });

  it.each(ORDERS)('combines no milestone for 30 days with the city, programme and status filters in %s order', async (orderBy) => {
    const quiet = QUIET_FOR_30_DAYS[orderBy];
    expect(await references({ noMilestoneForDays: 30, orderBy, city: 'paris' })).toEqual(quiet.filter((r) => r.startsWith('PAR')));
    // PAR-0006 is in paris-rmi, STO-0001 in Stockholm's group.
    expect(await references({ noMilestoneForDays: 30, orderBy, programme: 'paris-gatp' })).toEqual(quiet.filter((r) => r !== 'PAR-0006' && r !== 'STO-0001'));
    expect(await references({ noMilestoneForDays: 30, orderBy, status: 'ACTIVE' })).toEqual(quiet);
    expect(await wholeList({ noMilestoneForDays: 30, orderBy, status: 'EXITED' })).toMatchObject({ references: [], totalCount: 0 });
  });

  it.each(ORDERS)('combines no milestone for 30 days with a search by name or reference in %s order', async (orderBy) => {
    // Lars Petersson is PAR-0004, PAR-0007 (a milestone on 12 August) and STO-0001.
    expect(await references({ search: 'petersson', orderBy })).toEqual(EVERY_CASE[orderBy].filter((r) => ['PAR-0004', 'PAR-0007', 'STO-0001'].includes(r)));
    expect(await references({ search: 'petersson', noMilestoneForDays: 30, orderBy }, 1)).toEqual(['PAR-0004', 'STO-0001']);
    expect(await references({ search: 'par-2', noMilestoneForDays: 30, orderBy })).toEqual(['PAR-0002']);
    expect(await wholeList({ search: 'PAR-0001', noMilestoneForDays: 30, orderBy })).toMatchObject({ references: [], totalCount: 0 });
  });

  it("lists an adviser's own city when no city is given", async () => {
    const paris = await bearer('adviser', 'paris');
    const { references: listed } = await wholeList({ noMilestoneForDays: 30, orderBy: 'RECENTLY_CHANGED' }, 2, paris);
    expect(listed).toEqual(QUIET_FOR_30_DAYS.RECENTLY_CHANGED.filter((r) => r.startsWith('PAR')));
  });

  it.each([
    [1, 'every active case (no milestone is dated today)', ['PAR-0008', 'PAR-0004', 'PAR-0003', 'PAR-0002', 'PAR-0001', 'STO-0001', 'PAR-0006', 'PAR-0007']],
    [9, 'PAR-0001 too, whose last milestone is 1 September', ['PAR-0008', 'PAR-0004', 'PAR-0003', 'PAR-0002', 'PAR-0001', 'STO-0001', 'PAR-0006', 'PAR-0007']],
    [10, 'all but PAR-0001', ['PAR-0008', 'PAR-0004', 'PAR-0003', 'PAR-0002', 'STO-0001', 'PAR-0006', 'PAR-0007']],
    [31, 'all but those of 11 and 12 August', ['PAR-0008', 'PAR-0004', 'PAR-0003', 'PAR-0002', 'STO-0001']],
    [3650, 'none', []],
  ])('noMilestoneForDays: %i lists %s', async (days, _, expected) => {
    expect(await references({ noMilestoneForDays: days }, 100)).toEqual(expected);
  });

  it("counts days to today in the case's city, not in UTC", async () => {
    // 22:30 UTC on 10 September is 00:30 on 11 September in Paris and Stockholm: PAR-0007 (12 August) joins.
    clock.set('2026-09-10T22:30:00Z');
    try {
      expect(await references({ noMilestoneForDays: 30 })).toEqual([...QUIET_FOR_30_DAYS.FIRST_ENROLMENT, 'PAR-0007']);
    } finally {
      clock.set(minute(step));
    }
  });

  it.each([
    [{ noMilestoneForDays: 0 }, 'noMilestoneForDays'],
    [{ noMilestoneForDays: -3 }, 'noMilestoneForDays'],
    [{ noMilestoneForDays: 3651 }, 'noMilestoneForDays'],
    [{ orderBy: 'NEWEST' }, 'orderBy'],
  ])('refuses %j with BAD_USER_INPUT', async (variables, field) => {
    const res = await api.gql(LIST, variables);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    if (field === 'noMilestoneForDays') expect(res.errors![0]!.extensions!.fieldErrors).toEqual([{ field, message: expect.any(String) }]);
    expect(JSON.stringify(res.errors)).not.toMatch(/stack|at .*\.(ts|js):\d+/);
  });

  it.each([
    ['FIRST_ENROLMENT', 'RECENTLY_CHANGED'],
    ['RECENTLY_CHANGED', 'REFERENCE'],
    ['REFERENCE', 'FIRST_ENROLMENT'],
  ])('refuses a cursor of the list in %s order for the list in %s order, on after', async (from, to) => {
    const cursor = ((await api.gql(LIST, { orderBy: from, first: 1 })).data!.participants as Page).pageInfo.endCursor;
    const res = await api.gql(LIST, { orderBy: to, after: cursor });
    expect(res.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'after', message: expect.stringContaining(from) }] });
  });
});

describe('case files folded by the layout before the lists had orders (e2e, real app on a SQLite file)', () => {
  const api = appForTests();

  it('are folded again at start, and listed in each order and by their last milestone', async () => {
    const earlier = enrolmentInput({ enrolledOn: '2007-02-01' });
    const later = enrolmentInput({ enrolledOn: '2007-03-12' });
    for (const input of [later, earlier]) expect((await api.gql(mutation('enrolParticipant'), { input })).errors).toBeUndefined();
    // The tables as layout 5 laid them out: no column for the log position or the last milestone.
    const db = new Database(api.file);
    db.exec(`DROP INDEX case_files_by_change; DROP INDEX case_files_by_city_change;
      ALTER TABLE case_files DROP COLUMN last_position; ALTER TABLE case_files DROP COLUMN last_milestone_on;
      UPDATE projection_layouts SET layout = 5 WHERE name = 'case-files';`);
    db.close();

    await api.restart();

    const ids = async (variables: Record<string, unknown>) => {
      const res = await api.gql(LIST, variables);
      return res.errors ? null : (res.data!.participants as Page).edges.map((e) => e.node.reference);
    };
    await eventually('the case files are folded again', async () => (await ids({ orderBy: 'RECENTLY_CHANGED' }))?.length === 2);
    expect(await ids({ orderBy: 'RECENTLY_CHANGED' })).toEqual(['PAR-0002', 'PAR-0001']);
    expect(await ids({ orderBy: 'FIRST_ENROLMENT', noMilestoneForDays: 30 })).toEqual(['PAR-0002', 'PAR-0001']);
  });
});
