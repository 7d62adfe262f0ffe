import { fakeClock } from '../support/fake-clock';
import { enrolmentInput, mutation } from '../support/journey-api';
import { appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

const SERIES = `query ($city: String!, $programme: String, $from: Date, $to: Date) {
  dashboardSeries(city: $city, programme: $programme, from: $from, to: $to) {
    city programme interval from to
    points { asOf enrolled active exited jobReturns jobReturnRate jobReturnTarget positiveExitRate suppressed medianDaysToOutcome }
  } }`;
const CURVE = 'query ($city: String!) { timeToOutcome(city: $city) { participants events censored medianDays points { day } } }';

describe('dashboardSeries: trends month by month (e2e, real app; the system clock faked: months pass)', () => {
  const clock = fakeClock('2007-03-05T10:00:00Z');
  // k = 5, as in production: Stockholm's three participants are fewer than k.
  const api = appForTests();
  afterAll(() => clock.restore());

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const input = enrolmentInput({ city: 'stockholm', programme: 'stockholm-test-group', enrolledOn: '2007-03-05', unemployedSince: null });
      await api.gql(mutation('enrolParticipant'), { input });
      if (i === 0) {
        clock.set('2007-04-10T10:00:00Z');
        const job = { participantId: input.participantId, occurredOn: '2007-04-10', contractType: 'PERMANENT', employerType: 'SME', sector: 'K' };
        await api.gql(mutation('recordJobStart'), { input: job });
        clock.set('2007-03-05T10:00:00Z');
      }
    }
    // A fact recorded in June closes May.
    clock.set('2007-06-10T10:00:00Z');
    await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ city: 'paris', enrolledOn: '2007-06-10' }) });
  });

  it("gives a coordinator every month end since the first enrolment and today, exactly, beside the targets", async () => {
    const { data, errors } = await api.gql(SERIES, { city: 'stockholm' }, await bearer('coordinator', 'stockholm'));
    expect(errors).toBeUndefined();
    const series = data!.dashboardSeries;
    expect(series).toMatchObject({ city: 'stockholm', programme: null, interval: 'MONTH', from: '2007-03-05', to: '2007-06-10' });
    expect(series.points.map((p: { asOf: string }) => p.asOf)).toEqual(['2007-03-31', '2007-04-30', '2007-05-31', '2007-06-10']);
    expect(series.points.map((p: { jobReturns: number }) => p.jobReturns)).toEqual([0, 1, 1, 1]);
    expect(series.points[1]).toMatchObject({ enrolled: 3, active: 3, jobReturnRate: 1 / 3, suppressed: false });
  });

  it('reveals no count of a population under k to researchers: every point is of the released participants, none here', async () => {
    const researcher = await bearer('researcher');
    const { data, errors } = await api.gql(SERIES, { city: 'stockholm', from: '2007-03-01', to: '2007-12-31' }, researcher);
    expect(errors).toBeUndefined();
    const series = data!.dashboardSeries;
    expect(series.to).toBe('2007-05-31');
    expect(series.points.map((p: { asOf: string }) => p.asOf)).toEqual(['2007-03-31', '2007-04-30', '2007-05-31']);
    for (const point of series.points) {
      expect(point).toMatchObject({ enrolled: 0, active: 0, exited: 0, jobReturns: 0, jobReturnRate: null, medianDaysToOutcome: null, suppressed: true });
    }
    const curve = (await api.gql(CURVE, { city: 'stockholm' }, researcher)).data!.timeToOutcome;
    expect(curve).toMatchObject({ participants: 0, events: 0, censored: 0, medianDays: null, points: [] });
  });

  it("gives researchers by default the last 24 month ends they may see, never a start taken from the data (one person's entry date), and at most 60", async () => {
    const researcher = await bearer('researcher');
    const series = (await api.gql(SERIES, { city: 'stockholm', programme: 'stockholm-test-group' }, researcher)).data!.dashboardSeries;
    expect(series).toMatchObject({ from: '2005-06-01', to: '2007-05-31' });
    expect(series.points).toHaveLength(24);
    const tooLong = await api.gql(SERIES, { city: 'stockholm', from: '2002-01-01' }, researcher);
    expect(tooLong.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(tooLong.errors![0]!.message).toMatch(/at most 60 points/);
  });

  it("answers FORBIDDEN outside an adviser's city, and BAD_USER_INPUT for dates the wrong way round or an unknown programme", async () => {
    const adviser = await bearer('adviser', 'paris');
    expect((await api.gql(SERIES, { city: 'stockholm' }, adviser)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const wrong = await api.gql(SERIES, { city: 'paris', from: '2007-06-01', to: '2007-05-01' }, adviser);
    expect(wrong.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const unknown = await api.gql(SERIES, { city: 'paris', programme: 'nope' }, adviser);
    expect(unknown.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
