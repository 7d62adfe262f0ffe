import { eventually } from '../support/eventually';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { enrolmentInput, mutation } from '../support/journey-api';
import { appForTests } from '../support/test-app';

const OPERATIONS_TOKEN = 'operations-token-of-at-least-32-characters';
const AS_OPERATOR = { authorization: `Bearer ${OPERATIONS_TOKEN}` };

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, authenticate: response.headers.get('www-authenticate'), text: await response.text() };
}

/** The label values of the operation histogram in a scrape. */
const operationLabels = (scrape: string): Set<string> =>
  new Set([...scrape.matchAll(/^journey_graphql_operation_duration_seconds_count\{type="\w+",operation="([^"]*)"\}/gm)].map((m) => m[1]!));

describe('what operators see, and nobody else (e2e, real app over HTTP)', () => {
  describe('with OPERATIONS_TOKEN', () => {
    const api = appForTests({ OPERATIONS_TOKEN, READINESS_MAX_LAG: '0' });
    const base = () => api.url.replace(/\/graphql$/, '');

    it("serves /metrics to the operators' bearer token only, with 401 and WWW-Authenticate otherwise", async () => {
      expect((await get(`${base()}/metrics`, AS_OPERATOR)).status).toBe(200);
      // None, a user's token, another token, the token without its scheme.
      const refusedHeaders: Record<string, string>[] = [{}, { authorization: api.bearer }, { authorization: `Bearer ${OPERATIONS_TOKEN}x` }, { authorization: OPERATIONS_TOKEN }];
      for (const headers of refusedHeaders) {
        const refused = await get(`${base()}/metrics`, headers);
        expect(refused).toMatchObject({ status: 401, authenticate: expect.stringMatching(/^Bearer /) });
        expect(JSON.parse(refused.text)).toEqual({ errors: [{ message: expect.stringMatching(/OPERATIONS_TOKEN/), extensions: { code: 'UNAUTHENTICATED' } }] });
        expect(refused.text).not.toMatch(/journey_/);
      }
    });

    it('labels operations by the root field the schema declares: 1,000 unknown operation names add no series', async () => {
      await api.gql('query Warmup { cities { code } }');
      const before = await get(`${base()}/metrics`, AS_OPERATOR);
      for (let i = 0; i < 1000; i += 50) {
        await Promise.all(
          Array.from({ length: 50 }, (_, j) => {
            const name = `Unknown${i + j}`;
            // Named, with a made-up root field, unparsable: none of them is a series of its own.
            return [`query ${name} { cities { code } }`, `query ${name} { nope }`, `query ${name} {`][(i + j) % 3]!;
          }).map((document) => api.gql(document)),
        );
      }
      const after = await get(`${base()}/metrics`, AS_OPERATOR);
      expect(operationLabels(after.text)).toEqual(new Set(['cities', 'other']));
      expect(after.text).not.toMatch(/Unknown\d/);
      // The scrape grew by the one `other` series and its counts, not by a thousand names.
      expect(after.text.length - before.text.length).toBeLessThan(5_000);
    });

    it('answers /health/ready with its status to anyone, and its details to operators', async () => {
      const anyone = await get(`${base()}/health/ready`);
      expect(anyone.status).toBe(200);
      expect(JSON.parse(anyone.text)).toEqual({ status: 'ok' });
      const operator = await get(`${base()}/health/ready`, AS_OPERATOR);
      expect(JSON.parse(operator.text)).toMatchObject({ status: 'ok', info: { store: { status: 'up' }, projections: { status: 'up' } } });
      expect((await get(`${base()}/health/live`)).status).toBe(200);

      const runner = api.app.get(ProjectionRunner);
      await runner.stop();
      try {
        expect((await api.gql(mutation('enrolParticipant'), { input: enrolmentInput() })).errors).toBeUndefined();
        const notReady = await get(`${base()}/health/ready`);
        expect(notReady.status).toBe(503);
        expect(JSON.parse(notReady.text)).toEqual({ status: 'error' });
        const details = await get(`${base()}/health/ready`, AS_OPERATOR);
        expect(details.status).toBe(503);
        expect(JSON.parse(details.text).error.projections['case-files']).toMatchObject({ lag: 1 });
      } finally {
        runner.start();
      }
    });
  });

  describe('without OPERATIONS_TOKEN', () => {
    const api = appForTests();

    it('does not serve /metrics, and says how to', async () => {
      const refused = await get(`${api.url.replace(/\/graphql$/, '')}/metrics`, { authorization: 'Bearer anything-at-all-of-32-characters-or-more' });
      expect(refused.status).toBe(404);
      expect(JSON.parse(refused.text)).toEqual({ errors: [{ message: expect.stringMatching(/set OPERATIONS_TOKEN/), extensions: { code: 'NOT_FOUND' } }] });
    });

    it('still answers /health/ready with its status', async () => {
      const ready = () => get(`${api.url.replace(/\/graphql$/, '')}/health/ready`);
      await eventually('the service is ready (its read models verified)', async () => (await ready()).status === 200);
      expect(JSON.parse((await ready()).text)).toEqual({ status: 'ok' });
    });
  });
});
