import WebSocket from 'ws';
import { enrolmentInput, mutation } from '../support/journey-api';
import { subscribe } from '../support/subscription-client';
import { type AppForTests, appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

/** 1 + n × 3: the page, and per item its edge, node and id (operationCost). */
const PAGE = 'query ($n: Int) { participants(first: $n) { edges { node { id } } } }';
const PAGE_COST = (n: number) => 1 + n * 3;

type Answer = { status: number; retryAfter: string | null; body: { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] } };

/** A POST of a GraphQL document, with its status, Retry-After and body. */
async function post(api: AppForTests, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

async function live(api: AppForTests): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${api.url.replace(/\/graphql$/, '')}/health/live`);
  return { status: response.status, body: await response.json() };
}

/** How a WebSocket upgrade ends: the socket opens, or the server answers with a status. */
function upgrade(url: string, headers: Record<string, string>): Promise<number | 'open'> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode!));
    socket.once('error', reject);
  });
}

describe('limits a client cannot grow (e2e, real app over HTTP and WebSocket)', () => {
  describe('the query budget of each token', () => {
    const api = appForTests({ QUERY_COST_PER_MINUTE: '100' });

    it("refuses a caller's reads beyond its budget with RATE_LIMITED, while another caller and /health/live still answer", async () => {
      const greedy = { authorization: await bearer('adviser', 'paris', 'greedy-adviser') };
      const other = { authorization: await bearer('adviser', 'paris', 'other-adviser') };
      const enrolled = await post(api, mutation('enrolParticipant'), { input: enrolmentInput() }, other);
      expect(enrolled.body.errors).toBeUndefined();

      // A page sized by a variable costs its size (31), not the largest page's (301): three fit in 100.
      for (let i = 0; i < 3; i++) {
        const answer = await post(api, PAGE, { n: 10 }, greedy);
        expect(answer.body).toEqual({ data: { participants: { edges: [{ node: { id: enrolled.body.data.enrolParticipant.id } }] } } });
      }
      expect(3 * PAGE_COST(10)).toBeLessThanOrEqual(100);

      // The flood: the fourth read and every one after it is refused, as a whole.
      const [flood, health, otherCaller] = await Promise.all([
        Promise.all(Array.from({ length: 20 }, () => post(api, PAGE, { n: 10 }, greedy))),
        live(api),
        post(api, PAGE, { n: 10 }, other),
      ]);
      for (const refused of flood) {
        expect(refused).toEqual({
          status: 429,
          retryAfter: expect.stringMatching(/^\d+$/),
          body: { errors: [{ message: expect.stringMatching(/read too much/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } }] },
        });
        expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      }
      expect(health).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
      expect(otherCaller.body.data.participants.edges).toHaveLength(1);

      // A refused read spent nothing: a read that fits what is left still answers.
      expect((await post(api, PAGE, { n: 2 }, greedy)).body.data.participants.edges).toHaveLength(1);
    });

    it('spends the same budget over the WebSocket', async () => {
      const authorization = await bearer('adviser', 'paris', 'socket-adviser');
      const overSocket = () => {
        const subscription = subscribe<Answer['body']>(api.url, PAGE, { n: 30 }, { authorization });
        return subscription.next().finally(() => subscription.close());
      };
      expect((await overSocket()).data).toEqual({ participants: { edges: expect.any(Array) } });
      expect((await post(api, PAGE, { n: 2 }, { authorization })).status).toBe(200);
      expect(await overSocket()).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } })] });
    });

    it('does not count mutations, which have their own budget', async () => {
      const authorization = await bearer('adviser', 'paris', 'recording-adviser');
      for (let i = 0; i < 5; i++) expect((await post(api, mutation('enrolParticipant'), { input: enrolmentInput() }, { authorization })).body.errors).toBeUndefined();
      expect((await post(api, PAGE, { n: 30 }, { authorization })).status).toBe(200);
    });
  });

  describe('the operations the service runs at once', () => {
    const api = appForTests({ MAX_CONCURRENT_OPERATIONS: '1' });

    it('answers every operation of a flood correctly or refuses it with SERVICE_BUSY and Retry-After, and /health/live meanwhile', async () => {
      const authorization = api.bearer;
      for (let i = 0; i < 5; i++) await post(api, mutation('enrolParticipant'), { input: enrolmentInput() }, { authorization });
      const floodDone = Promise.all(Array.from({ length: 40 }, () => post(api, PAGE, { n: 100 }, { authorization })));
      const health = await live(api);
      const flood = await floodDone;
      expect(health).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
      for (const answer of flood) {
        if (answer.status === 200) expect(answer.body.data.participants.edges).toHaveLength(5);
        else expect(answer).toEqual({ status: 503, retryAfter: '1', body: { errors: [expect.objectContaining({ extensions: { code: 'SERVICE_BUSY', retryAfterSeconds: 1 } })] } });
      }
      expect(flood.some((answer) => answer.status === 200)).toBe(true);
    });
  });

  describe('the requests of each client address', () => {
    const api = appForTests({ REQUESTS_PER_ADDRESS_PER_MINUTE: '5', TRUST_PROXY: '1' });
    const from = (address: string) => ({ 'x-forwarded-for': address });

    it('refuses an address beyond its budget with 429 in the GraphQL error shape, HTTP and WebSocket alike, but not its probes nor another address', async () => {
      const headers = { authorization: api.bearer, ...from('203.0.113.7') };
      for (let i = 0; i < 5; i++) expect((await post(api, '{ cities { code } }', {}, headers)).status).toBe(200);
      expect(await post(api, '{ cities { code } }', {}, headers)).toEqual({
        status: 429,
        retryAfter: expect.stringMatching(/^\d+$/),
        body: { errors: [{ message: expect.stringMatching(/Too many requests from this address/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } }] },
      });
      expect(await upgrade(api.url, from('203.0.113.7'))).toBe(429);

      const probe = await fetch(`${api.url.replace(/\/graphql$/, '')}/health/live`, { headers: from('203.0.113.7') });
      expect(probe.status).toBe(200);
      expect((await post(api, '{ cities { code } }', {}, { authorization: api.bearer, ...from('203.0.113.8') })).body.data.cities).toHaveLength(3);
      expect(await upgrade(api.url, from('203.0.113.9'))).toBe('open');
    });
  });

  describe('behind no trusted proxy', () => {
    const api = appForTests({ REQUESTS_PER_ADDRESS_PER_MINUTE: '3' });

    it('counts the connecting address, whatever X-Forwarded-For claims', async () => {
      const statuses = [];
      for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']) {
        statuses.push((await post(api, '{ cities { code } }', {}, { authorization: api.bearer, 'x-forwarded-for': address })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    });
  });
});
