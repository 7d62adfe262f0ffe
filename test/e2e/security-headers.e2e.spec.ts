import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type AppForTests, appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

const PRODUCTION = { NODE_ENV: 'production', PSEUDONYM_SECRET: 'pseudonym-secret-of-at-least-32-characters' };
const API_POLICY = "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'";

/** The built web app (npm run build). */
const WEB_APP = join(__dirname, '../../dist/web-app');

const base = (api: AppForTests) => api.url.replace(/\/graphql$/, '');

/** What every answer of the service carries, whatever it answers. */
function expectSecurityHeaders(response: Response, policy = API_POLICY): void {
  expect(response.headers.get('content-security-policy')).toBe(policy);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-powered-by')).toBeNull();
}

// Bytes as a Uint8Array of their own: the type-check also sees the DOM's BodyInit (the web app's unit tests bring Preact's types), which takes no Buffer.
const postJson = (api: AppForTests, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: api.bearer, ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });

/** An answer that is an error, read as GraphQL clients read one. */
async function errorOf(response: Response) {
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
}

describe('security headers and the shape of HTTP errors (e2e, real app over HTTP)', () => {
  describe('in production', () => {
    const api = appForTests(PRODUCTION);

    it("sends helmet's headers, a CSP that lets a browser do nothing, no X-Powered-By and no-store on GraphQL answers, the CSV and errors", async () => {
      const answers = [
        await postJson(api, JSON.stringify({ query: '{ cities { code } }' })),
        await fetch(`${api.url}?query=${encodeURIComponent('{ cities { code } }')}`, { headers: { authorization: api.bearer, 'apollo-require-preflight': 'true' } }),
        await fetch(`${base(api)}/exports/life-paths.csv`, { headers: { authorization: await bearer('researcher') } }),
        await fetch(`${base(api)}/no-such-page`),
        await fetch(api.url, { headers: { accept: 'text/html' } }),
        await fetch(`${base(api)}/graphiql`),
      ];
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 404, 400, 404]);
      for (const answer of answers) expectSecurityHeaders(answer);
    });

    it("serves the app's page's assets but none of GraphiQL's, which is off", async () => {
      const assetsOf = (html: string) => [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map(([, name]) => name);
      const app = assetsOf(readFileSync(join(WEB_APP, 'index.html'), 'utf8'));
      const graphiqlOnly = assetsOf(readFileSync(join(WEB_APP, 'graphiql.html'), 'utf8')).filter((name) => !app.includes(name));
      expect(app.length).toBeGreaterThan(0);
      expect(graphiqlOnly.length).toBeGreaterThan(0);
      for (const name of app) expect((await fetch(`${base(api)}/assets/${name}`)).status).toBe(200);
      for (const name of graphiqlOnly) expect((await fetch(`${base(api)}/assets/${name}`)).status).toBe(404);
    });

    it('answers UNAUTHENTICATED with 401 and WWW-Authenticate: Bearer, as RFC 6750 asks', async () => {
      const response = await postJson(api, JSON.stringify({ query: '{ cities { code } }' }), { authorization: '' });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="journey-service"');
      expect(await response.json()).toEqual({ data: null, errors: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })] });
    });
  });

  describe('outside production', () => {
    const api = appForTests();

    it("sends a browser from the API's address to GraphiQL's own page (npm run build bundles it), which loads nothing from another origin", async () => {
      const redirect = await fetch(api.url, { headers: { accept: 'text/html' }, redirect: 'manual' });
      expect(redirect.status).toBe(302);
      expect(redirect.headers.get('location')).toBe('/graphiql');
      const page = await fetch(`${base(api)}/graphiql`);
      const html = await page.text();
      const policy = page.headers.get('content-security-policy')!;
      const directive = (name: string) => policy.split(';').find((d) => d.startsWith(`${name} `))!.split(' ').slice(1);
      // Every script and style sheet the page names is one of the service's own assets; no inline script.
      for (const [, url] of html.matchAll(/<(?:script[^>]* src|link[^>]* href)="([^"]+)"/g)) expect(url).toMatch(/^\/assets\//);
      expect(html).not.toMatch(/<script(?![^>]* src=)[^>]*>/);
      expect(directive('default-src')).toEqual(["'self'"]);
      expect(directive('script-src')).toEqual(["'self'"]);
      expect(directive('connect-src')).toEqual(["'self'", `ws://${new URL(api.url).host}`]);
      expect(directive('frame-ancestors')).toEqual(["'none'"]);
      expect(page.headers.get('x-powered-by')).toBeNull();
      // The API's own answers keep the strict policy.
      expectSecurityHeaders(await postJson(api, JSON.stringify({ query: '{ cities { code } }' })));
    });

    it('answers every HTTP error in the GraphQL error shape', async () => {
      const json = 'application/json; charset=utf-8';
      expect(await errorOf(await fetch(`${base(api)}/no-such-page`))).toEqual({
        status: 404,
        contentType: json,
        body: { errors: [{ message: 'Cannot GET /no-such-page', extensions: { code: 'NOT_FOUND' } }] },
      });
      expect(await errorOf(await postJson(api, Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }))).toEqual({
        status: 400,
        contentType: json,
        body: { errors: [{ message: 'The request body could not be decompressed as its Content-Encoding says', extensions: { code: 'BAD_REQUEST' } }] },
      });
      expect(await errorOf(await postJson(api, gzipSync('{ "query": '), { 'content-encoding': 'gzip' }))).toEqual({
        status: 400,
        contentType: json,
        body: { errors: [{ message: 'The request body could not be read as JSON', extensions: { code: 'BAD_REQUEST' } }] },
      });
      expect(await errorOf(await postJson(api, 'x', { 'content-encoding': 'compress' }))).toEqual({
        status: 415,
        contentType: json,
        body: { errors: [{ message: expect.stringMatching(/encoding that is not supported/), extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] },
      });
      expect(await errorOf(await fetch(`${base(api)}/exports/life-paths.csv`, { headers: { authorization: await bearer('adviser', 'paris') } }))).toEqual({
        status: 403,
        contentType: json,
        body: { errors: [{ message: expect.any(String), extensions: { code: 'FORBIDDEN' } }] },
      });
    });

    it('still reads a gzip body', async () => {
      const response = await postJson(api, gzipSync(JSON.stringify({ query: '{ cities { code } }' })), { 'content-encoding': 'gzip' });
      expect(((await response.json()) as { data: { cities: unknown[] } }).data.cities).toHaveLength(3);
    });
  });
});
