import { enrolmentInput, mutation } from '../support/journey-api';
import { appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

const DASHBOARD = `query ($city: String!) { cityDashboard(city: $city) {
  enrolled active exited positiveExits positiveExitRate jobReturns jobReturnRate medianDaysToOutcome suppressed
  exitsByReason { reason count } } }`;
const CURVE = 'query ($city: String!) { timeToOutcome(city: $city) { participants medianDays suppressed points { day } } }';

describe("a researcher's view of small groups (e2e, k = 3)", () => {
  const api = appForTests({ K_ANONYMITY: '3' });

  beforeAll(async () => {
    // Stockholm: 2 participants, one with a job (small cells); Paris: 4 participants who found a job.
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

  it('hides counts from 1 to k − 1, the rates and median built on them, and says so', async () => {
    const { data } = await api.gql(DASHBOARD, { city: 'stockholm' }, await bearer('researcher'));
    expect(data!.cityDashboard).toMatchObject({
      enrolled: null, active: null, exited: 0, positiveExits: 0, positiveExitRate: null,
      jobReturns: null, jobReturnRate: null, medianDaysToOutcome: null, suppressed: true,
    });
    const curve = await api.gql(CURVE, { city: 'stockholm' }, await bearer('researcher'));
    expect(curve.data!.timeToOutcome).toMatchObject({ medianDays: null, suppressed: true, points: [] });
  });

  it('shows groups of k or more in full', async () => {
    const { data } = await api.gql(DASHBOARD, { city: 'paris' }, await bearer('researcher'));
    expect(data!.cityDashboard).toMatchObject({ enrolled: 4, active: 4, jobReturns: 4, jobReturnRate: 1, medianDaysToOutcome: 61, suppressed: false });
  });

  it('shows every figure to coordinators', async () => {
    const { data } = await api.gql(DASHBOARD, { city: 'stockholm' }, await bearer('coordinator', 'stockholm'));
    expect(data!.cityDashboard).toMatchObject({ enrolled: 2, jobReturns: 1, jobReturnRate: 0.5, suppressed: false });
    const curve = await api.gql(CURVE, { city: 'stockholm' }, await bearer('coordinator', 'stockholm'));
    expect(curve.data!.timeToOutcome).toMatchObject({ participants: 2, suppressed: false, points: [{ day: 61 }] });
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
