import { readFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync } from 'node:zlib';
import { MAX_UPLOAD_BYTES } from '../../src/import/read-upload';
import { appForTests, type AppForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

/** The built web app (npm run build). */
const WEB_APP = join(__dirname, '../../dist/web-app');

const base = (api: AppForTests) => api.url.replace(/\/graphql$/, '');

/** The name of the first script the app's page loads, a hashed asset. */
const firstScript = () => /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(join(WEB_APP, 'index.html'), 'utf8'))![1];

/** A GET as a browser revalidating its copy sends it: fetch would add `Cache-Control: no-cache` to it, which asks for the whole file. */
const revalidate = (url: string, etag: string) =>
  new Promise<IncomingMessage>((resolve, reject) => get(url, { headers: { 'if-none-match': etag } }, (response) => resolve(response.resume())).on('error', reject));

/**
 * What the service took from Express and now does on Fastify (docs/architecture.md, HTTP: Nest on
 * Fastify) and that no other spec looks at: files answered with their validators, an upload read
 * only once its caller is let in, a body in an encoding the service reads.
 */
describe('HTTP on Fastify (e2e, real app over HTTP)', () => {
  const api = appForTests();

  it("answers the app's page with an ETag, and 304 to a browser that holds the same one", async () => {
    const page = await fetch(`${base(api)}/cases`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toBe(readFileSync(join(WEB_APP, 'index.html'), 'utf8'));
    const etag = page.headers.get('etag')!;
    expect(etag).toEqual(expect.any(String));

    const again = await revalidate(`${base(api)}/cases`, etag);
    expect(again.statusCode).toBe(304);
    // The security headers are on every answer, this one included.
    expect(again.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a hashed asset as immutable, and a range of it', async () => {
    const name = firstScript();
    const asset = await fetch(`${base(api)}/assets/${name}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);

    const range = await fetch(`${base(api)}/assets/${name}`, { headers: { range: 'bytes=0-9' } });
    expect(range.status).toBe(206);
    expect((await range.arrayBuffer()).byteLength).toBe(10);
  });

  it("answers 412 to a precondition the asset fails and 416 to a range outside it, once send has written the file's headers", async () => {
    const name = firstScript();
    const size = readFileSync(join(WEB_APP, 'assets', name)).byteLength;

    const stale = await fetch(`${base(api)}/assets/${name}`, { headers: { 'if-match': '"another version"' } });
    expect([stale.status, await stale.text()]).toEqual([412, '']);

    const outside = await fetch(`${base(api)}/assets/${name}`, { headers: { range: `bytes=${size}-` } });
    expect([outside.status, outside.headers.get('content-range'), await outside.text()]).toEqual([416, `bytes */${size}`, '']);
  });

  it('refuses a caller who may not import before reading the file: a file over the limit is a 403, not a 413', async () => {
    const tooLarge = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    const response = await fetch(`${base(api)}/imports?city=paris`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: await bearer('adviser', 'paris') },
      body: tooLarge,
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });

  it('reads a body sent deflate or br, as gzip', async () => {
    const query = Buffer.from(JSON.stringify({ query: '{ cities { code } }' }));
    for (const [encoding, body] of [['deflate', deflateSync(query)], ['br', brotliCompressSync(query)]] as const) {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding, authorization: api.bearer },
        body: new Uint8Array(body),
      });
      expect([encoding, ((await response.json()) as { data: { cities: unknown[] } }).data.cities]).toEqual([encoding, expect.any(Array)]);
    }
  });
});
