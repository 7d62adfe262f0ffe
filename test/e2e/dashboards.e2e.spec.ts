import { randomUUID } from 'node:crypto';
import { enrolmentInput, type JourneyMutation, mutation } from '../support/journey-api';
import { appForTests } from '../support/test-app';

const DASHBOARD_FIELDS = `city programme asOf enrolled active exited positiveExits neutralExits
  positiveExitRate positiveExitTarget jobReturns jobReturnRate jobReturnTarget
  businessCreations businessCreationRate businessCreationTarget medianDaysToOutcome
  followUps6m sustainedOutcomes6m exitsByReason { reason count } jobsByContract { contractType count }
  suppressed lastEventPosition updatedAt`;

const DASHBOARD = `query ($city: String!, $programme: String, $asOf: Date) {
  cityDashboard(city: $city, programme: $programme, asOf: $asOf) { ${DASHBOARD_FIELDS} } }`;

const nonZero = (list: { count: number }[], key: 'reason' | 'contractType') =>
  Object.fromEntries(list.filter((e) => e.count > 0).map((e) => [(e as never)[key], e.count]));

/**
 * Five Frankfurt journeys whose figures are computed by hand below. P3 re-enrols into Kompass;
 * P4's first job (30 April) is recorded after its second (1 July): a late recording.
 */
describe('outcome dashboards (e2e, real app on a SQLite file)', () => {
  const api = appForTests();

  async function record(name: JourneyMutation, input: Record<string, unknown>): Promise<void> {
    const res = await api.gql(mutation(name), { input });
    expect(res.errors).toBeUndefined();
  }

  async function enrol(enrolledOn: string): Promise<string> {
    const participantId = randomUUID();
    await record('enrolParticipant', enrolmentInput({ participantId, city: 'frankfurt', programme: 'frankfurt-test-group', enrolledOn, unemployedSince: null }));
    return participantId;
  }

  const dashboard = async (variables: Record<string, unknown>) => {
    const res = await api.gql(DASHBOARD, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.cityDashboard;
  };

  beforeAll(async () => {
    const p1 = await enrol('2007-01-10');
    await record('recordJobStart', { participantId: p1, occurredOn: '2007-03-11', contractType: 'PERMANENT', employerType: 'SME', sector: 'C' });
    await record('recordExit', { participantId: p1, occurredOn: '2007-03-31', reason: 'EMPLOYMENT' });
    await record('recordFollowUp', { participantId: p1, occurredOn: '2007-09-30', monthsAfterExit: 6, status: 'EMPLOYED' });
    const p2 = await enrol('2007-02-01');
    await record('recordExit', { participantId: p2, occurredOn: '2007-05-01', reason: 'HEALTH' });
    const p3 = await enrol('2007-02-15');
    await record('recordExit', { participantId: p3, occurredOn: '2007-04-15', reason: 'DROPPED_OUT' });
    await record('reEnrolParticipant', { participantId: p3, occurredOn: '2007-06-01', programme: 'frankfurt-kompass' });
    await record('recordSelfEmployment', { participantId: p3, occurredOn: '2007-08-01', form: 'COMPANY', sector: 'M' });
    await record('recordExit', { participantId: p3, occurredOn: '2007-08-31', reason: 'SELF_EMPLOYMENT' });
    const p4 = await enrol('2007-03-01');
    await record('recordJobStart', { participantId: p4, occurredOn: '2007-07-01', contractType: 'TEMPORARY_AGENCY', employerType: 'LARGE_COMPANY', sector: 'N' });
    await record('recordJobStart', { participantId: p4, occurredOn: '2007-04-30', contractType: 'FIXED_TERM_UNDER_6_MONTHS', employerType: 'SME', sector: 'G' });
    await enrol('2007-05-01');
  });

  it("gives a city's live figures as docs/outcomes.md defines them", async () => {
    const d = await dashboard({ city: 'frankfurt' });
    expect(d).toMatchObject({
      city: 'frankfurt', programme: null, asOf: null,
      enrolled: 5, active: 2, exited: 3, positiveExits: 2, neutralExits: 1,
      positiveExitRate: 1, positiveExitTarget: 0.6,
      jobReturns: 2, jobReturnRate: 0.4, jobReturnTarget: null,
      businessCreations: 1, businessCreationRate: 0.2, businessCreationTarget: null,
      // Days to outcome: 60, 60 (events), 89 (censored at exit), 167 (event), today (censored): S(60)=0.6, S(167)=0.3.
      medianDaysToOutcome: 167,
      followUps6m: 1, sustainedOutcomes6m: 1, suppressed: false,
    });
    expect(nonZero(d.exitsByReason, 'reason')).toEqual({ EMPLOYMENT: 1, HEALTH: 1, SELF_EMPLOYMENT: 1 });
    expect(nonZero(d.jobsByContract, 'contractType')).toEqual({ PERMANENT: 1, FIXED_TERM_UNDER_6_MONTHS: 1, TEMPORARY_AGENCY: 1 });
    expect(BigInt(d.lastEventPosition)).toBeGreaterThan(0n);
    expect(Date.parse(d.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('counts each participant once, in the programme of the latest spell', async () => {
    const testGroup = await dashboard({ city: 'frankfurt', programme: 'frankfurt-test-group' });
    expect(testGroup).toMatchObject({ enrolled: 4, active: 2, exited: 2, positiveExits: 1, neutralExits: 1, positiveExitRate: 1, jobReturns: 2, jobReturnRate: 0.5, businessCreations: 0, medianDaysToOutcome: 60, positiveExitTarget: 0.6 });
    const kompass = await dashboard({ city: 'frankfurt', programme: 'frankfurt-kompass' });
    expect(kompass).toMatchObject({ enrolled: 1, exited: 1, positiveExits: 1, businessCreations: 1, businessCreationRate: 1, medianDaysToOutcome: 167 });
  });

  it('gives the figures as of a past business date, late recordings included', async () => {
    const may = await dashboard({ city: 'frankfurt', asOf: '2007-05-31' });
    expect(may).toMatchObject({
      asOf: '2007-05-31', enrolled: 5, active: 2, exited: 3, positiveExits: 1, neutralExits: 1,
      positiveExitRate: 0.5, jobReturns: 2, businessCreations: 0, followUps6m: 0, medianDaysToOutcome: 60,
    });
    expect(nonZero(may.exitsByReason, 'reason')).toEqual({ EMPLOYMENT: 1, HEALTH: 1, DROPPED_OUT: 1 });
    expect(nonZero(may.jobsByContract, 'contractType')).toEqual({ PERMANENT: 1, FIXED_TERM_UNDER_6_MONTHS: 1 });
    const dayBeforeJob = await dashboard({ city: 'frankfurt', asOf: '2007-04-29' });
    expect(dayBeforeJob).toMatchObject({ jobReturns: 1, exited: 2 });
    const before = await dashboard({ city: 'frankfurt', asOf: '2006-12-31' });
    expect(before).toMatchObject({ enrolled: 0, exited: 0, positiveExitRate: null, jobReturnRate: null, medianDaysToOutcome: null });
  });

  it('lists every city, and shows an empty city at zero', async () => {
    const res = await api.gql(`{ dashboards { city programme enrolled positiveExitRate positiveExitTarget } }`);
    expect(res.data!.dashboards).toEqual([
      { city: 'paris', programme: null, enrolled: 0, positiveExitRate: null, positiveExitTarget: 0.6 },
      { city: 'frankfurt', programme: null, enrolled: 5, positiveExitRate: 1, positiveExitTarget: 0.6 },
      { city: 'stockholm', programme: null, enrolled: 0, positiveExitRate: null, positiveExitTarget: 0.6 },
    ]);
  });

  it('gives the Kaplan-Meier curve of time to a job or a business', async () => {
    const res = await api.gql(`{ timeToOutcome(city: "frankfurt") {
      city programme participants events censored medianDays suppressed points { day stillSearching atRisk events } } }`);
    expect(res.data!.timeToOutcome).toEqual({
      city: 'frankfurt', programme: null, participants: 5, events: 3, censored: 2, medianDays: 167, suppressed: false,
      points: [
        { day: 60, stillSearching: 0.6, atRisk: 5, events: 2 },
        { day: 167, stillSearching: 0.3, atRisk: 2, events: 1 },
      ],
    });
  });

  it('gives the curve as of a past business date, from the participants and facts of that date', async () => {
    const res = await api.gql(`{ timeToOutcome(city: "frankfurt", asOf: "2007-05-31") {
      participants events censored medianDays points { day stillSearching atRisk events } } }`);
    // By 31 May: P1 and P4 found jobs on day 60; P3 dropped out on day 59 (its business is later) and P5 is open on day 30.
    expect(res.data!.timeToOutcome).toEqual({
      participants: 5, events: 2, censored: 3, medianDays: 60,
      points: [{ day: 60, stillSearching: expect.closeTo(1 / 3, 12), atRisk: 3, events: 2 }],
    });
    const before = await api.gql(`{ timeToOutcome(city: "frankfurt", asOf: "2006-12-31") { participants medianDays points { day } } }`);
    expect(before.data!.timeToOutcome).toEqual({ participants: 0, medianDays: null, points: [] });
  });

  it('refuses an unknown city or a programme of another city', async () => {
    const unknown = await api.gql(DASHBOARD, { city: 'lyon' });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'city', message: "Unknown city 'lyon'" }] });
    const other = await api.gql(DASHBOARD, { city: 'paris', programme: 'frankfurt-kompass' });
    expect(other.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
