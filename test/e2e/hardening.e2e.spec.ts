import WebSocket from 'ws';
import { CASE_FIELDS, enrolmentInput, mutation } from '../support/journey-api';
import { subscribe } from '../support/subscription-client';
import { type AppForTests, appForTests } from '../support/test-app';

const ALLOWED_ORIGIN = 'https://cases.example.org';
const PRODUCTION = { NODE_ENV: 'production', PSEUDONYM_SECRET: 'pseudonym-secret-of-at-least-32-characters' };

const aliased = (count: number, field: string) => Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');
const CASE_PAGE = `participants(first: 100) { edges { node { ${CASE_FIELDS} } } }`;
/** Deeper than any path of the schema, which only introspection reaches. */
const TOO_DEEP = '{ __type(name: "Query") { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } }';

type Refusal = { extensions: { code: string }; message: string };
type Answer = { data?: Record<string, unknown[]>; errors?: Refusal[] };

/** A POST as a browser or a script could send it, answered with its status and parsed body. */
async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, contentType: response.headers.get('content-type'), body: (await response.json()) as Answer };
}

/** How a WebSocket upgrade to the service ends: the socket opens, or the server answers with a status. */
function upgrade(url: string, origin?: string): Promise<{ socket: WebSocket } | { status: number }> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers: origin ? { origin } : {} });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode! }));
    socket.once('error', reject);
  });
}

/** Opens a socket, sends connection_init, and tells how the server answers: an acknowledgement or a close code. */
async function connectionInit(url: string, payload: Record<string, unknown>, origin?: string): Promise<string | number> {
  const opened = await upgrade(url, origin);
  if (!('socket' in opened)) throw new Error(`The upgrade was refused with ${opened.status}`);
  const { socket } = opened;
  const answer = new Promise<string | number>((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(String(data)).type));
    socket.once('close', (code) => resolve(code));
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload }));
  const result = await answer;
  socket.close();
  return result;
}

/** The errors a document sent over graphql-ws is answered with. */
async function refusedOverSocket(api: AppForTests, query: string, variables: Record<string, unknown> = {}): Promise<Refusal[]> {
  const subscription = subscribe(api.url, query, variables, { authorization: api.bearer });
  try {
    return await subscription.next().then(
      (answer) => (answer as { errors: Refusal[] }).errors,
      (errors: Refusal[]) => errors,
    );
  } finally {
    await subscription.close();
  }
}

describe('hardening against abusive requests (e2e, real app over HTTP and WebSocket, OWASP GraphQL cheat sheet)', () => {
  describe('outside production', () => {
    const api = appForTests({ ALLOWED_ORIGINS: ALLOWED_ORIGIN });

    it('refuses a document of 500 aliases before parsing it whole, and one over the alias limit', async () => {
      const huge = await api.gql(`{ ${aliased(500, 'cities { code }')} }`);
      expect(huge.status).toBe(400);
      expect(huge.errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/more that 1000 tokens/), extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
      ]);
      const many = await api.gql(`{ ${aliased(16, 'cities { code }')} }`);
      expect(many.status).toBe(400);
      expect(many.errors).toEqual([{ message: 'Aliases limit of 15 exceeded, found 16.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    });

    it('refuses several large pages in one request over the cost limit, however their size is given', async () => {
      for (const [document, variables] of [
        [`{ ${aliased(3, CASE_PAGE)} }`, {}],
        [`query ($n: Int) { ${aliased(3, CASE_PAGE.replace('100', '$n'))} }`, { n: 100 }],
      ] as const) {
        const res = await api.gql(document, variables);
        expect(res.status).toBe(400);
        expect(res.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Query cost limit of 5000 exceeded, found \d+/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
      }
      // One full page is what a case list needs.
      expect((await api.gql(`{ ${CASE_PAGE} }`)).errors).toBeUndefined();
    });

    it('refuses a document deeper than the depth limit', async () => {
      const res = await api.gql(TOO_DEEP);
      expect(res.status).toBe(400);
      expect(res.errors).toEqual([expect.objectContaining({ message: 'Query depth limit of 8 exceeded, found 9.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
    });

    it('refuses a batch of operations in one POST', async () => {
      const res = await post(api.url, JSON.stringify([{ query: '{ cities { code } }' }, { query: '{ cities { code } }' }]), {
        'content-type': 'application/json',
        authorization: api.bearer,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/batching disabled/), extensions: { code: 'BAD_REQUEST' } })]);
    });

    it('refuses a POST a page of another site could send without a preflight (CSRF)', async () => {
      const res = await post(api.url, JSON.stringify({ query: '{ cities { code } }' }), { 'content-type': 'text/plain' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/Cross-Site Request Forgery/), extensions: { code: 'BAD_REQUEST' } })]);
    });

    it('refuses a body over 100 kB with 413, and reads one just under it', async () => {
      const body = (padding: number) => JSON.stringify({ query: '{ cities { code } }', extensions: { padding: 'x'.repeat(padding) } });
      const tooLarge = await post(api.url, body(101 * 1024), { 'content-type': 'application/json', authorization: api.bearer });
      expect(tooLarge).toEqual({
        status: 413,
        contentType: 'application/json; charset=utf-8',
        body: { errors: [{ message: 'The request body is larger than the limit of 100 kB', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
      });
      const underLimit = await post(api.url, body(99 * 1024), { 'content-type': 'application/json', authorization: api.bearer });
      expect(underLimit.status).toBe(200);
      expect(underLimit.body.data!.cities).toHaveLength(3);
    });

    it('answers a body that is not JSON with a coded error, not an HTML page', async () => {
      const res = await post(api.url, '{ "query": ', { 'content-type': 'application/json' });
      expect(res).toEqual({
        status: 400,
        contentType: 'application/json; charset=utf-8',
        body: { errors: [{ message: 'The request body could not be read as JSON', extensions: { code: 'BAD_REQUEST' } }] },
      });
    });

    it('suggests field names and serves GraphiQL (a developer reads them), which production does not', async () => {
      const misspelt = await api.gql('{ cities { nmae } }');
      expect(misspelt.errors![0].message).toBe('Cannot query field "nmae" on type "City". Did you mean "name"?');
      const page = await fetch(api.url, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toMatch(/graphiql/i);
    });

    it('applies the same limits to documents sent over the WebSocket', async () => {
      const dashboard = (selection: string) => `subscription { dashboardUpdated(city: "paris") { ${selection} } }`;
      expect(await refusedOverSocket(api, dashboard(aliased(500, 'city')))).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/more that 1000 tokens/), extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
      ]);
      expect(await refusedOverSocket(api, dashboard(aliased(16, 'city')))).toEqual([
        expect.objectContaining({ message: 'Aliases limit of 15 exceeded, found 16.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ]);
      // A socket runs queries too.
      expect(await refusedOverSocket(api, TOO_DEEP)).toEqual([
        expect.objectContaining({ message: 'Query depth limit of 8 exceeded, found 9.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ]);
      expect(await refusedOverSocket(api, `{ ${aliased(3, CASE_PAGE)} }`)).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/^Query cost limit of 5000 exceeded/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ]);
    });

    it('codes a variable that cannot be coerced BAD_USER_INPUT over the WebSocket, as over HTTP', async () => {
      const [refusal] = await refusedOverSocket(api, 'subscription ($city: String!) { dashboardUpdated(city: $city) { city } }');
      expect(refusal).toMatchObject({ message: 'Variable "$city" of required type "String!" was not provided.', extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('refuses the WebSocket upgrade from an origin that is not allowed with 403', async () => {
      expect(await upgrade(api.url, 'https://evil.example')).toEqual({ status: 403 });
      expect(await upgrade(api.url, 'null')).toEqual({ status: 403 });
    });

    it('lets a client without Origin, the allowed origin and the service its own origin open a WebSocket', async () => {
      const ownOrigin = new URL(api.url).origin;
      for (const origin of [undefined, ALLOWED_ORIGIN, ownOrigin]) {
        expect(await connectionInit(api.url, { authorization: api.bearer }, origin)).toBe('connection_ack');
      }
    });

    it('closes a WebSocket whose connection_init has no token, or a bad one, with 4403', async () => {
      expect(await connectionInit(api.url, {})).toBe(4403);
      expect(await connectionInit(api.url, { authorization: 'Bearer not.a.token' })).toBe(4403);
      // A character in the middle of the signature: the last one may carry only padding bits.
      const [header, payload, signature] = api.bearer.split('.');
      const forged = `${header}.${payload}.${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
      expect(await connectionInit(api.url, { authorization: forged })).toBe(4403);
    });
  });

  describe('in production', () => {
    const api = appForTests(PRODUCTION);

    it('refuses introspection, over HTTP and WebSocket', async () => {
      const res = await api.gql('{ __schema { types { name } } }');
      expect(res.status).toBe(400);
      expect(res.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/introspection is not allowed/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
      expect(await refusedOverSocket(api, '{ __type(name: "Query") { name } }')).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/introspection has been disabled/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ]);
    });

    it('serves no landing page', async () => {
      const page = await fetch(api.url, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).not.toMatch(/html/);
      expect(await page.text()).not.toMatch(/graphiql|<html/i);
    });

    it('suggests no field name, over HTTP and WebSocket', async () => {
      const misspelt = await api.gql('{ cities { nmae } }');
      expect(misspelt.errors).toEqual([expect.objectContaining({ message: 'Cannot query field "nmae" on type "City".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
      expect(await refusedOverSocket(api, 'subscription { dashboardUpdated(city: "paris") { cty } }')).toEqual([
        expect.objectContaining({ message: 'Cannot query field "cty" on type "Dashboard".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ]);
    });

    it('suggests no enum value for a misspelt variable, over HTTP and WebSocket', async () => {
      const variables = { input: enrolmentInput({ gender: 'FEMAL' }) };
      const expected = {
        message: 'Variable "$input" got invalid value "FEMAL" at "input.gender"; Value "FEMAL" does not exist in "Gender" enum.',
        extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'gender', message: 'Value "FEMAL" does not exist in "Gender" enum.' }] },
      };
      expect((await api.gql(mutation('enrolParticipant'), variables)).errors).toEqual([expect.objectContaining(expected)]);
      expect(await refusedOverSocket(api, mutation('enrolParticipant'), variables)).toEqual([expect.objectContaining(expected)]);
    });
  });
});
