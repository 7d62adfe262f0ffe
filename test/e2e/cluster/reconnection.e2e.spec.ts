import { eventually } from '../../support/eventually';
import { enrolmentInput, mutation } from '../../support/journey-api';
import { startEsdbDouble, type EsdbDouble } from '../../support/esdb-double/esdb-double';
import { tempDir } from '../../support/temp-files';
import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer } from '../../support/tokens';

const OPERATIONS_TOKEN = 'operations-token-of-at-least-32-characters';
const COUNT = `query { participants(city: "frankfurt", first: 1) { totalCount } }`;
const DASHBOARD = `query { cityDashboard(city: "frankfurt") { enrolled } }`;

/**
 * Faults only the double can make: a real server cannot be told to drop its subscriptions, so this
 * suite is not part of `npm run test:esdb`.
 */
describe('a replica through lost subscriptions and a cluster out of reach (protocol double of EventStoreDB, faults injected)', () => {
  const folder = tempDir('journey-reconnection-');
  let double: EsdbDouble;
  let watched: TestApp;
  let writer: TestApp;

  beforeAll(async () => {
    double = await startEsdbDouble();
    const env = { EVENT_STORE_URL: double.url, OPERATIONS_TOKEN };
    watched = await startTestApp(folder.file('watched.db'), { ...env, READ_MODEL_PATH: folder.file('watched.db') });
    writer = await startTestApp(folder.file('writer.db'), { ...env, READ_MODEL_PATH: folder.file('writer.db') });
  });

  afterAll(async () => {
    await watched?.close();
    await writer?.close();
    await double?.stop();
    folder.remove();
  });

  async function enrolInFrankfurt(app: TestApp, count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const answer = await app.gql(mutation('enrolParticipant'), { input: enrolmentInput({ city: 'frankfurt', programme: 'frankfurt-test-group' }) });
      expect(answer.errors).toBeUndefined();
    }
  }

  async function readiness(app: TestApp): Promise<{ status: number; body: Record<string, any> }> {
    const response = await fetch(app.url.replace(/\/graphql$/, '/health/ready'), { headers: { authorization: `Bearer ${OPERATIONS_TOKEN}` } });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  async function frankfurtOn(app: TestApp): Promise<{ listed: number; enrolled: number }> {
    const [list, dashboard] = await Promise.all([app.gql(COUNT), app.gql(DASHBOARD, {}, await bearer('coordinator', 'frankfurt'))]);
    return { listed: list.data!.participants.totalCount, enrolled: dashboard.data!.cityDashboard.enrolled };
  }

  it('resumes every projection from its checkpoint, applying each event once, and is not ready while the cluster is out of reach', async () => {
    await enrolInFrankfurt(watched, 3);
    await eventually('the watched replica is ready', async () => (await readiness(watched)).status === 200);

    double.dropSubscriptions();
    await enrolInFrankfurt(writer, 4);
    await eventually('the watched replica folded the writer\'s enrolments', async () => (await frankfurtOn(watched)).listed === 7);

    const outage = double.refuseConnections();
    await eventually('the watched replica is not ready', async () => (await readiness(watched)).status === 503);
    const refused = await watched.gql(mutation('enrolParticipant'), { input: enrolmentInput({ city: 'frankfurt', programme: 'frankfurt-test-group' }) });
    expect(refused.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
    await outage.end();

    // The writer lost the cluster too: its client reconnects in its own time, and a load balancer sends it nothing until then.
    await eventually('the writer is ready again', async () => (await readiness(writer)).status === 200, 30_000);
    await enrolInFrankfurt(writer, 5);
    await eventually('the watched replica is ready again', async () => (await readiness(watched)).status === 200, 30_000);
    await eventually('the watched replica folded every enrolment', async () => (await frankfurtOn(watched)).listed === 12);
    expect(await frankfurtOn(watched)).toEqual({ listed: 12, enrolled: 12 });
    const { status, ...projections } = (await readiness(watched)).body.details.projections as Record<string, unknown>;
    expect(status).toBe('up');
    expect(Object.keys(projections).length).toBeGreaterThan(0);
    for (const projection of Object.values(projections)) expect(projection).toMatchObject({ lag: 0, healthy: true });
  });
});
