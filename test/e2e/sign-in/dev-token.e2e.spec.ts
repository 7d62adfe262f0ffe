import { decodeJwt } from 'jose';
import { startServiceProcess } from '../../support/service-process';
import { tempDir } from '../../support/temp-files';
import { type AppForTests, appForTests } from '../../support/test-app';

const PRODUCTION = { NODE_ENV: 'production', PSEUDONYM_SECRET: 'pseudonym-secret-of-at-least-32-characters' };
/** pino's level number of errors. */
const PINO_ERROR = 50;
const CITY_DASHBOARD = 'query Dashboard($city: String!) { cityDashboard(city: $city) { city } }';

const serviceUrl = (api: AppForTests) => api.url.replace(/\/graphql$/, '');

const askForToken = (api: AppForTests, body: unknown) =>
  fetch(`${serviceUrl(api)}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('development sign-in, POST /auth/dev-token (e2e, real app over HTTP)', () => {
  describe('outside production, with HS256 tokens and DEV_SIGN_IN=true (the tests sign with a secret of their own)', () => {
    const api = appForTests({ DEV_SIGN_IN: 'true' });

    it("answers a token the API takes, of the role and city asked for, and when it expires", async () => {
      const response = await askForToken(api, { role: 'coordinator', city: 'paris' });
      expect(response.status).toBe(200);
      const { accessToken, expiresAt } = (await response.json()) as { accessToken: string; expiresAt: string };
      const claims = decodeJwt(accessToken);
      expect(claims).toMatchObject({ role: 'coordinator', city: 'paris', sub: 'dev-coordinator-paris' });
      expect(Date.parse(expiresAt)).toBe(claims.exp! * 1_000);
      const own = await api.gql(CITY_DASHBOARD, { city: 'paris' }, `Bearer ${accessToken}`);
      expect(own.errors).toBeUndefined();
      expect(own.data!.cityDashboard.city).toBe('paris');
      const other = await api.gql(CITY_DASHBOARD, { city: 'frankfurt' }, `Bearer ${accessToken}`);
      expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    });

    it("gives a researcher's token no city, as their role reaches every city", async () => {
      const response = await askForToken(api, { role: 'researcher', city: '*' });
      const claims = decodeJwt(((await response.json()) as { accessToken: string }).accessToken);
      expect(claims).toMatchObject({ role: 'researcher', sub: 'dev-researcher-all' });
      expect(claims.city).toBeUndefined();
    });

    it.each([
      ['an unknown role', { role: 'mayor', city: 'paris' }, 'role'],
      ['a city outside the catalogue', { role: 'adviser', city: 'lyon' }, 'city'],
      ['no city', { role: 'adviser' }, 'city'],
      ['a city that is not text', { role: 'adviser', city: 7 }, 'city'],
    ])('refuses %s with 400 BAD_USER_INPUT naming the field, in the API error shape', async (_, body, field) => {
      const response = await askForToken(api, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [{ message: expect.stringContaining(field), extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field, message: expect.any(String) }] } }],
      });
    });

    it('refuses a body that is not JSON with 400 BAD_REQUEST', async () => {
      const response = await fetch(`${serviceUrl(api)}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{ role' });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    });
  });

  describe('in production', () => {
    const api = appForTests(PRODUCTION);

    it('does not exist: 404 NOT_FOUND, as any unknown path', async () => {
      const response = await askForToken(api, { role: 'admin', city: '*' });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('outside production, with a secret of its own and no DEV_SIGN_IN (NODE_ENV=production forgotten)', () => {
    const api = appForTests();

    it('does not exist: it would sign any role with a real secret', async () => {
      expect((await askForToken(api, { role: 'admin', city: '*' })).status).toBe(404);
    });
  });

  describe('outside production, with tokens from an identity provider (AUTH_JWKS_URL)', () => {
    // Nothing listens there: the service fetches keys only to verify a token, and none is sent.
    const api = appForTests({ AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks' });

    it('does not exist either: a token signed here would not verify', async () => {
      expect((await askForToken(api, { role: 'admin', city: '*' })).status).toBe(404);
    });
  });

  describe('logs (the built service as a child process, its standard output)', () => {
    const tmp = tempDir();
    afterAll(() => tmp.remove());

    it("logs a refused request on its request line alone, below error level, with no stack", async () => {
      const service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${tmp.file('journeys.db')}`, DEV_SIGN_IN: 'true' });
      const response = await fetch(service.url.replace(/\/graphql$/, '/auth/dev-token'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'mayor', city: 'paris' }),
      });
      expect(response.status).toBe(400);
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      const lines = service
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: number; reqId?: number; req?: { path: string }; err?: unknown });
      const requestLine = lines.find((line) => line.req?.path === '/auth/dev-token')!;
      expect(requestLine).toMatchObject({ res: { statusCode: 400 } });
      expect(requestLine.level).toBeLessThan(PINO_ERROR);
      expect(requestLine.err).toBeUndefined();
      expect(lines.filter((line) => line.reqId === requestLine.reqId)).toEqual([requestLine]);
      expect(service.output()).not.toMatch(/\n\s+at /);
    });
  });
});
