import { failureOf, serviceErrorOf } from '../../web/src/api/failure';
import { appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

describe("the web app's reading of the service's refusals outside GraphQL (e2e, real app over HTTP, web/src/api/failure.ts)", () => {
  const api = appForTests({ DEV_SIGN_IN: 'true' });
  const get = async (path: string, authorization: string | null) =>
    failureOf(await serviceErrorOf(await fetch(api.url.replace(/\/graphql$/, path), { headers: authorization ? { authorization } : {} })));

  it("reads a refused life-path CSV's code and each refused field, the service's words kept as the detail", async () => {
    expect(await get('/exports/life-paths.csv?outcome=GREAT&entryYear=07', await bearer('researcher'))).toEqual({
      code: 'BAD_USER_INPUT',
      detail: expect.stringContaining('outcome must be one of'),
      fieldErrors: [
        { field: 'outcome', message: expect.stringContaining('outcome must be one of') },
        { field: 'entryYear', message: 'entryYear must be a year, e.g. 2007' },
      ],
      retryAfterSeconds: null,
    });
  });

  it('reads a download without a valid token as UNAUTHENTICATED, one by a role that may not as FORBIDDEN', async () => {
    expect(await get('/exports/life-paths.csv', null)).toMatchObject({ code: 'UNAUTHENTICATED', fieldErrors: [] });
    expect(await get('/exports/life-paths.csv', await bearer('adviser', '*'))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reads the development sign-in refusing an unknown role as BAD_USER_INPUT naming the field', async () => {
    const response = await fetch(api.url.replace(/\/graphql$/, '/auth/dev-token'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'operator', city: '*' }),
    });
    expect(failureOf(await serviceErrorOf(response))).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'role' }] });
  });

  it("keeps a proxy's answer that is not the service's shape as its HTTP status", async () => {
    const failure = failureOf(await serviceErrorOf(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })));
    expect(failure).toEqual({ code: 'UNEXPECTED_ERROR', detail: 'HTTP 502 Bad Gateway', fieldErrors: [], retryAfterSeconds: null });
  });

  describe('with at most 2 requests a minute from an address', () => {
    const limited = appForTests({ REQUESTS_PER_ADDRESS_PER_MINUTE: '2' });

    it('reads a download refused as RATE_LIMITED with when to try again', async () => {
      const csv = limited.url.replace(/\/graphql$/, '/exports/life-paths.csv');
      const authorization = await bearer('researcher');
      const responses = [];
      for (let i = 0; i < 3; i++) responses.push(await fetch(csv, { headers: { authorization } }));
      expect(responses.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(failureOf(await serviceErrorOf(responses[2]!))).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    });
  });
});
