import { randomUUID } from 'node:crypto';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import type { GraphQLErrorBody } from '../support/graphql-client';
import { enrolmentInput, mutation } from '../support/journey-api';
import { subscribe } from '../support/subscription-client';
import { eventually } from '../support/eventually';
import { appForTests } from '../support/test-app';

const OPERATIONS_TOKEN = 'operations-token-of-at-least-32-characters';

/** A GET as the operators' scraper sends it, with their credential. */
const get = async (url: string) => {
  const response = await fetch(url, { headers: { authorization: `Bearer ${OPERATIONS_TOKEN}` } });
  return { status: response.status, text: await response.text() };
};

describe('health and metrics for operators (e2e, real app over HTTP)', () => {
  const api = appForTests({ READINESS_MAX_LAG: '0', OPERATIONS_TOKEN });
  const base = () => api.url.replace(/\/graphql$/, '');

  it('answers live, and ready once the read models are verified and current, with its details to operators', async () => {
    expect((await get(`${base()}/health/live`)).status).toBe(200);
    // Verifying runs in a process of its own after the service listens: ready follows it.
    await eventually('the service is ready', async () => (await get(`${base()}/health/ready`)).status === 200);
    const ready = await get(`${base()}/health/ready`);
    expect(JSON.parse(ready.text)).toMatchObject({
      status: 'ok',
      info: { store: { status: 'up' }, projections: { status: 'up' }, readModels: { status: 'up', outcomes: { verified: true, problems: [] } } },
    });
  });

  it('turns not ready while a projection lags the log, and ready again when it catches up', async () => {
    const runner = api.app.get(ProjectionRunner);
    await runner.stop();
    try {
      // The mutation is stored; with the projections stopped, the read models fall behind.
      expect((await api.gql(mutation('enrolParticipant'), { input: enrolmentInput() })).errors).toBeUndefined();
      const lagging = await get(`${base()}/health/ready`);
      expect(lagging.status).toBe(503);
      expect(JSON.parse(lagging.text).error.projections['case-files']).toMatchObject({ lag: 1, healthy: true });
    } finally {
      runner.start();
    }
    let status = 503;
    while (status !== 200) status = (await get(`${base()}/health/ready`)).status;
  });

  it('exposes every metric of the issue in Prometheus format after a few operations', async () => {
    await api.gql(mutation('enrolParticipant'), { input: enrolmentInput() });
    await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ city: 'lyon' }) });
    await api.gql('{ dashboards { city enrolled } }');
    const live = subscribe(api.url, 'subscription { dashboardUpdated(city: "paris") { enrolled } }', {}, { authorization: api.bearer });
    // The subscription is counted once the server has it: a change pushed to it proves that.
    let pushed = null;
    while (!pushed) {
      await api.gql(mutation('enrolParticipant'), { input: enrolmentInput() });
      pushed = await live.nextWithin(200);
    }
    const { status, text } = await get(`${base()}/metrics`);
    await live.close();
    expect(status).toBe(200);
    expect(text).toMatch(/^journey_append_duration_seconds_count \d+/m);
    expect(text).toMatch(/^journey_commands_total\{command="EnrolParticipant",outcome="ok"\} \d+/m);
    expect(text).toMatch(/^journey_commands_total\{command="EnrolParticipant",outcome="BAD_USER_INPUT"\} 1/m);
    expect(text).toMatch(/^journey_projection_lag_events\{projection="case-files"\} \d+/m);
    expect(text).toMatch(/^journey_projection_lag_events\{projection="outcomes"\} \d+/m);
    expect(text).toMatch(/^journey_active_subscriptions 1$/m);
    expect(text).toMatch(/^journey_graphql_operation_duration_seconds_count\{type="query",operation="dashboards"\} \d+/m);
    expect(text).toMatch(/^journey_graphql_operation_duration_seconds_count\{type="mutation",operation="enrolParticipant"\} \d+/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('counts a command input refused before the command runs under its command, with outcome BAD_USER_INPUT', async () => {
    const refused = async () => Number(/^journey_commands_total\{command="RecordJobStart",outcome="BAD_USER_INPUT"\} (\d+)/m.exec((await get(`${base()}/metrics`)).text)?.[1] ?? 0);
    const job = { participantId: randomUUID(), occurredOn: '2007-04-02', contractType: 'PERMANENT', employerType: 'SME', sector: 'J' };
    const before = await refused();

    // graphql-js refuses a variable, and a value written in the query (over HTTP, and a variable
    // over the WebSocket); the input validation, a sector outside A–U.
    const literal = `mutation { recordJobStart(input: { participantId: "${job.participantId}", occurredOn: "2007-04-02", contractType: FOREVER, employerType: SME, sector: "J" }) { id } }`;
    const answers = [
      (await api.gql(mutation('recordJobStart'), { input: { ...job, occurredOn: '2007-02-30' } })).errors,
      (await api.gql(literal)).errors,
      (await api.gql(mutation('recordJobStart'), { input: { ...job, sector: 'Z' } })).errors,
    ];
    const overSocket = subscribe<{ errors: GraphQLErrorBody[] }>(api.url, mutation('recordJobStart'), { input: { ...job, occurredOn: '2007-02-30' } }, { authorization: api.bearer });
    answers.push((await overSocket.next()).errors);
    await overSocket.close();

    expect(answers.map((errors) => errors?.[0]?.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(await refused()).toBe(before + 4);
  });
});
