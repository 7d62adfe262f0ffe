import { fakeClock } from '../support/fake-clock';
import { enrolmentInput, mutation } from '../support/journey-api';
import { subscribe } from '../support/subscription-client';
import { appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

const DASHBOARD = `query ($city: String!, $asOf: Date) { cityDashboard(city: $city, asOf: $asOf) {
  asOf enrolled active exited positiveExits positiveExitRate jobReturns jobReturnRate medianDaysToOutcome suppressed
  exitsByReason { reason count } jobsByContract { contractType count } lastEventPosition updatedAt } }`;
const CURVE = 'query ($city: String!) { timeToOutcome(city: $city) { participants events censored medianDays suppressed points { day atRisk events stillSearching } } }';

/** Published within D = 2 of the truth, never below 0, never 1 or 2 (the perturbation table). */
const publishable = (truth: number) => (truth === 0 ? [0] : [truth - 2, truth - 1, truth, truth + 1, truth + 2].filter((p) => p === 0 || p >= 3));

// Every city is on Central European Summer Time: June 2007 ends at 22:00 UTC on 30 June.
const BEFORE_JULY = '2007-06-30T21:59:59Z';
const IN_JULY = '2007-07-01T00:00:00Z';

/** A Frankfurt enrolment, dated the day it is recorded: a fact that moves the log on to the clock's month. */
const frankfurtEnrolment = (enrolledOn: string) => enrolmentInput({ city: 'frankfurt', programme: 'frankfurt-test-group', enrolledOn });

describe("a researcher's view of the figures: the cell key method, at month ends the log has closed (e2e, real app; the system clock faked: months pass)", () => {
  const clock = fakeClock('2007-04-20T10:00:00Z');
  // Researchers' figures are of the participants the life paths release: with k = 2, Stockholm's two and Paris's four.
  const api = appForTests({ K_ANONYMITY: '2' });
  let researcher: string;
  afterAll(() => clock.restore());

  beforeAll(async () => {
    researcher = await bearer('researcher');
    // Enrolled in April, jobs recorded in May. Stockholm: 2 participants, one with a job (small counts); Paris: 4 who found a job.
    const jobs: string[] = [];
    for (const [city, programme, count] of [['stockholm', 'stockholm-test-group', 2], ['paris', 'paris-gatp', 4]] as const) {
      for (let i = 0; i < count; i++) {
        const input = enrolmentInput({ city, programme, enrolledOn: '2007-03-01', unemployedSince: null });
        await api.gql(mutation('enrolParticipant'), { input });
        if (city === 'paris' || i === 0) jobs.push(String(input.participantId));
      }
    }
    clock.set('2007-05-10T10:00:00Z');
    for (const participantId of jobs) {
      await api.gql(mutation('recordJobStart'), { input: { participantId, occurredOn: '2007-05-01', contractType: 'PERMANENT', employerType: 'SME', sector: 'K' } });
    }
    // A fact recorded in June closes May: researchers' live figures are now May's.
    clock.set('2007-06-10T10:00:00Z');
    await api.gql(mutation('enrolParticipant'), { input: frankfurtEnrolment('2007-06-10') });
  });

  it('perturbs every count of a small city within 2 of the truth, never as 1 or 2, the same after a restart, and says so', async () => {
    const first = (await api.gql(DASHBOARD, { city: 'stockholm' }, researcher)).data!.cityDashboard;
    await api.restart();
    expect((await api.gql(DASHBOARD, { city: 'stockholm' }, researcher)).data!.cityDashboard).toEqual(first);
    expect(first.suppressed).toBe(true);
    expect(publishable(2)).toContain(first.enrolled);
    expect(publishable(2)).toContain(first.active);
    expect(publishable(1)).toContain(first.jobReturns);
    expect(first.exited).toBe(0);
    for (const { count } of [...first.exitsByReason, ...first.jobsByContract]) expect([0, 3]).toContain(count);
    // The rate is of the published counts, not of the true ones (1 of 2).
    expect(first.jobReturnRate).toBe(first.enrolled === 0 ? null : Math.min(1, first.jobReturns / first.enrolled));
    expect(first.medianDaysToOutcome === null || first.medianDaysToOutcome % 30 === 0).toBe(true);
  });

  it('gives researchers live figures as of the last month end over, with no event position and the month end as update time', async () => {
    const live = (await api.gql(DASHBOARD, { city: 'paris' }, researcher)).data!.cityDashboard;
    expect(live).toMatchObject({ asOf: '2007-05-31', lastEventPosition: '0', updatedAt: '2007-05-31T22:00:00.000Z', suppressed: true });
    expect(publishable(4)).toContain(live.enrolled);
    expect(publishable(4)).toContain(live.jobReturns);
    expect((await api.gql(DASHBOARD, { city: 'paris', asOf: '2007-05-31' }, researcher)).data!.cityDashboard).toEqual(live);
  });

  it('perturbs the time-to-outcome curve in 30-day bins: no exact count of participants, no exact day, and the same curve after a restart', async () => {
    const curves = async () => Promise.all(['stockholm', 'paris'].map(async (city) => (await api.gql(CURVE, { city }, researcher)).data!.timeToOutcome));
    const [stockholm, paris] = await curves();
    await api.restart();
    expect(await curves()).toEqual([stockholm, paris]);
    expect([0, 3]).toContain(stockholm.participants);
    // Paris: 4 jobs on day 61 are published as 3 to 5 at the end of the bin of days 60 to 89.
    expect(paris.points).toEqual([expect.objectContaining({ day: 90, events: expect.any(Number) })]);
    for (const curve of [stockholm, paris]) {
      expect(curve.suppressed).toBe(true);
      expect(curve.medianDays === null || curve.medianDays % 30 === 0).toBe(true);
      for (const point of curve.points) {
        expect(point.day % 30).toBe(0);
        expect(point.events).toBeGreaterThanOrEqual(3);
        expect(point.stillSearching).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('gives researchers figures as of a month end before the current month only, with BAD_USER_INPUT otherwise; coordinators any date', async () => {
    for (const asOf of ['2007-04-15', '2007-06-30']) {
      const refused = await api.gql(DASHBOARD, { city: 'paris', asOf }, researcher);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'asOf' }] });
      expect(refused.errors?.[0]?.message).toMatch(/last day of a month that is over \(2007-05-31 at the latest\)/);
    }
    const dashboards = await api.gql('{ dashboards(asOf: "2007-04-30") { city enrolled } }', {}, researcher);
    expect(dashboards.errors).toBeUndefined();
    const monthEnd = await api.gql(DASHBOARD, { city: 'paris', asOf: '2007-04-30' }, researcher);
    expect(publishable(4)).toContain(monthEnd.data!.cityDashboard.enrolled);
    expect(monthEnd.data!.cityDashboard.jobReturns).toBe(0);
    const coordinator = await api.gql(DASHBOARD, { city: 'paris', asOf: '2007-04-15' }, await bearer('coordinator', 'paris'));
    expect(coordinator.data!.cityDashboard).toMatchObject({ enrolled: 4, jobReturns: 0, suppressed: false });
  });

  it("gives researchers the curve of a month end they may ask for, the same month end's participants and facts, and refuses other dates", async () => {
    const curve = (asOf: string) => api.gql(`{ timeToOutcome(city: "paris", asOf: "${asOf}") { participants events points { day } } }`, {}, researcher);
    const april = (await curve('2007-04-30')).data!.timeToOutcome;
    // The four Paris jobs came in May: none by the end of April.
    expect(april).toMatchObject({ events: 0, points: [] });
    expect(publishable(4)).toContain(april.participants);
    const may = (await curve('2007-05-31')).data!.timeToOutcome;
    expect(may).toEqual((await api.gql('{ timeToOutcome(city: "paris") { participants events points { day } } }', {}, researcher)).data!.timeToOutcome);
    expect(may.points).toEqual([{ day: 90 }]);
    const refused = await curve('2007-05-15');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'asOf' }] });
  });

  it('shows coordinators and admins every figure exactly, live', async () => {
    for (const token of [await bearer('coordinator', 'stockholm'), await bearer('admin')]) {
      const { data } = await api.gql(DASHBOARD, { city: 'stockholm' }, token);
      expect(data!.cityDashboard).toMatchObject({ asOf: null, enrolled: 2, active: 2, jobReturns: 1, jobReturnRate: 0.5, medianDaysToOutcome: 61, suppressed: false });
      expect(data!.cityDashboard.lastEventPosition).not.toBe('0');
      const curve = await api.gql(CURVE, { city: 'stockholm' }, token);
      expect(curve.data!.timeToOutcome).toMatchObject({ participants: 2, events: 1, censored: 1, suppressed: false, points: [{ day: 61, atRisk: 2, events: 1 }] });
    }
  });

  it('pushes researchers no change as it comes, nor the midnight, only the figures of the month just over once the log holds a fact of the next', async () => {
    clock.set(BEFORE_JULY);
    const subscription = 'subscription { dashboardUpdated(city: "frankfurt") { asOf enrolled suppressed lastEventPosition } }';
    const theirs = subscribe<{ data: { dashboardUpdated: Record<string, unknown> } }>(api.url, subscription, {}, { authorization: researcher });
    const coordinators = subscribe<{ data: { dashboardUpdated: Record<string, unknown> } }>(api.url, subscription, {}, {
      authorization: await bearer('coordinator', 'frankfurt'),
    });
    try {
      // Enrolments in June until the coordinator's subscription hears one: the researcher's, opened first, listens too.
      let pushed = null;
      while (pushed === null) {
        await api.gql(mutation('enrolParticipant'), { input: frankfurtEnrolment('2007-06-30') });
        pushed = await coordinators.nextWithin(200);
      }
      expect(await theirs.nextWithin(1500)).toBeNull();

      // July in every city, and no fact of it yet: June is not closed.
      clock.set(IN_JULY);
      expect(await theirs.nextWithin(1500)).toBeNull();
      expect((await api.gql('{ cityDashboard(city: "frankfurt") { asOf } }', {}, researcher)).data!.cityDashboard.asOf).toBe('2007-05-31');
      await api.gql(mutation('enrolParticipant'), { input: frankfurtEnrolment('2007-07-01') });
      const monthEnd = (await theirs.next()).data.dashboardUpdated;
      const { data } = await api.gql('{ cityDashboard(city: "frankfurt") { asOf enrolled suppressed lastEventPosition } }', {}, researcher);
      expect(monthEnd).toEqual(data!.cityDashboard);
      expect(monthEnd).toMatchObject({ asOf: '2007-06-30', suppressed: true, lastEventPosition: '0' });
      expect(await theirs.nextWithin(1500)).toBeNull();
    } finally {
      await Promise.all([theirs.close(), coordinators.close()]);
    }
  }, 30_000);
});

describe('the mutation budget of a token (e2e, 3 a minute)', () => {
  const api = appForTests({ MUTATION_RATE_LIMIT: '3' });

  it('refuses the fourth mutation of a minute with RATE_LIMITED, and records nothing for it', async () => {
    const token = await bearer('adviser', 'paris', 'busy-adviser');
    const codes: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await api.gql(mutation('enrolParticipant'), { input: enrolmentInput() }, token);
      codes.push((res.errors?.[0]?.extensions?.code as string) ?? null);
    }
    expect(codes).toEqual([null, null, null, 'RATE_LIMITED']);
    const { data } = await api.gql('{ participants { totalCount } }', {}, token);
    expect(data!.participants.totalCount).toBe(3);
    // Another token has a budget of its own.
    const other = await api.gql(mutation('enrolParticipant'), { input: enrolmentInput() }, await bearer('adviser', 'paris', 'calm-adviser'));
    expect(other.errors).toBeUndefined();
  });
});
