import { enrolmentInput, mutation } from '../support/journey-api';
import { subscribe } from '../support/subscription-client';
import { appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

const DASHBOARD = `query ($city: String!, $asOf: Date) { cityDashboard(city: $city, asOf: $asOf) {
  enrolled active exited positiveExits positiveExitRate jobReturns jobReturnRate medianDaysToOutcome suppressed
  exitsByReason { reason count } jobsByContract { contractType count } } }`;
const CURVE = 'query ($city: String!) { timeToOutcome(city: $city) { participants events censored medianDays suppressed points { day atRisk events stillSearching } } }';

/** Published within D = 2 of the truth, never below 0, never 1 or 2 (the perturbation table). */
const publishable = (truth: number) => (truth === 0 ? [0] : [truth - 2, truth - 1, truth, truth + 1, truth + 2].filter((p) => p === 0 || p >= 3));

describe("a researcher's view of the figures: the cell key method (e2e, real app)", () => {
  const api = appForTests();
  let researcher: string;

  beforeAll(async () => {
    researcher = await bearer('researcher');
    // Stockholm: 2 participants, one with a job (small counts); Paris: 4 participants who found a job.
    for (const [city, programme, count] of [['stockholm', 'stockholm-test-group', 2], ['paris', 'paris-gatp', 4]] as const) {
      for (let i = 0; i < count; i++) {
        const input = enrolmentInput({ city, programme, enrolledOn: '2007-03-01', unemployedSince: null });
        await api.gql(mutation('enrolParticipant'), { input });
        if (city === 'paris' || i === 0) {
          const participantId = input.participantId;
          await api.gql(mutation('recordJobStart'), { input: { participantId, occurredOn: '2007-05-01', contractType: 'PERMANENT', employerType: 'SME', sector: 'K' } });
        }
      }
    }
  });

  it('perturbs every count of a small city within 2 of the truth, never as 1 or 2, the same on every query, and says so', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => api.gql(DASHBOARD, { city: 'stockholm' }, researcher)));
    const [first] = answers.map((a) => a.data!.cityDashboard);
    for (const answer of answers) expect(answer.data!.cityDashboard).toEqual(first);
    expect(first.suppressed).toBe(true);
    expect(publishable(2)).toContain(first.enrolled);
    expect(publishable(2)).toContain(first.active);
    expect(publishable(1)).toContain(first.jobReturns);
    expect(first.exited).toBe(0);
    for (const { count } of [...first.exitsByReason, ...first.jobsByContract]) expect([0, 3]).toContain(count);
    if (first.jobReturnRate !== null) expect(first.jobReturnRate).toBeLessThanOrEqual(1);
  });

  it('perturbs the time-to-outcome curve of a small city: no exact count of participants, and the same curve each time', async () => {
    const [one, two] = await Promise.all([1, 2].map(() => api.gql(CURVE, { city: 'stockholm' }, researcher)));
    expect(one.data!.timeToOutcome).toEqual(two.data!.timeToOutcome);
    const curve = one.data!.timeToOutcome;
    expect(curve.suppressed).toBe(true);
    expect([0, 3]).toContain(curve.participants);
    for (const point of curve.points) {
      expect(point.events).toBeGreaterThanOrEqual(3);
      expect(point.stillSearching).toBeGreaterThanOrEqual(0);
    }
  });

  it('perturbs larger groups as little: 4 participants who all found a job publish 3 to 5', async () => {
    const { data } = await api.gql(DASHBOARD, { city: 'paris' }, researcher);
    expect(publishable(4)).toContain(data!.cityDashboard.enrolled);
    expect(publishable(4)).toContain(data!.cityDashboard.jobReturns);
    expect(data!.cityDashboard.suppressed).toBe(true);
  });

  it('gives researchers figures as of a month end only, with BAD_USER_INPUT otherwise; coordinators any date', async () => {
    const midMonth = await api.gql(DASHBOARD, { city: 'paris', asOf: '2007-04-15' }, researcher);
    expect(midMonth.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(midMonth.errors?.[0]?.message).toMatch(/month's last day/);
    const dashboards = await api.gql('{ dashboards(asOf: "2007-04-30") { city enrolled } }', {}, researcher);
    expect(dashboards.errors).toBeUndefined();
    const monthEnd = await api.gql(DASHBOARD, { city: 'paris', asOf: '2007-04-30' }, researcher);
    expect(publishable(4)).toContain(monthEnd.data!.cityDashboard.enrolled);
    expect(monthEnd.data!.cityDashboard.jobReturns).toBe(0);
    const coordinator = await api.gql(DASHBOARD, { city: 'paris', asOf: '2007-04-15' }, await bearer('coordinator', 'paris'));
    expect(coordinator.data!.cityDashboard).toMatchObject({ enrolled: 4, jobReturns: 0, suppressed: false });
  });

  it('shows coordinators and admins every figure exactly', async () => {
    for (const token of [await bearer('coordinator', 'stockholm'), await bearer('admin')]) {
      const { data } = await api.gql(DASHBOARD, { city: 'stockholm' }, token);
      expect(data!.cityDashboard).toMatchObject({ enrolled: 2, active: 2, jobReturns: 1, jobReturnRate: 0.5, medianDaysToOutcome: 61, suppressed: false });
      const curve = await api.gql(CURVE, { city: 'stockholm' }, token);
      expect(curve.data!.timeToOutcome).toMatchObject({ participants: 2, events: 1, censored: 1, suppressed: false, points: [{ day: 61, atRisk: 2, events: 1 }] });
    }
  });

  it("pushes researchers the live dashboard perturbed, as their query answers it", async () => {
    const sub = subscribe<{ data: { dashboardUpdated: { enrolled: number; suppressed: boolean } } }>(
      api.url,
      'subscription { dashboardUpdated(city: "frankfurt") { enrolled suppressed } }',
      {},
      { authorization: researcher },
    );
    try {
      let pushed = null;
      while (pushed === null) {
        await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ city: 'frankfurt', programme: 'frankfurt-test-group' }) });
        pushed = await sub.nextWithin(200);
      }
      // Read on until no more pushes come: the last push is of the figures now.
      for (let more = await sub.nextWithin(500); more !== null; more = await sub.nextWithin(500)) pushed = more;
      const { data } = await api.gql('{ cityDashboard(city: "frankfurt") { enrolled suppressed } }', {}, researcher);
      expect(pushed.data.dashboardUpdated).toEqual(data!.cityDashboard);
      expect(pushed.data.dashboardUpdated.suppressed).toBe(true);
    } finally {
      await sub.close();
    }
  });
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
