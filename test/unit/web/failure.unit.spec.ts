import { createServer } from 'node:net';
import { failureOf } from '../../../web/src/api/failure';
import { serviceFetch } from '../../../web/src/api/service-fetch';

/** A local port nothing listens on: a request to it gets no answer. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the app's reading of an error (web/src/api/failure.ts failureOf)", () => {
  it('codes a request of the app that got no answer (serviceFetch, fetch rejected) NETWORK_ERROR', async () => {
    const error = await serviceFetch(`http://127.0.0.1:${await closedPort()}/app-config.json`).catch((e: unknown) => e);
    expect(failureOf(error)).toEqual(expect.objectContaining({ code: 'NETWORK_ERROR', detail: expect.any(String) }));
  });

  it("codes a fault of the app's own program, a TypeError too, UNEXPECTED_ERROR with its message", () => {
    let fault: unknown;
    try {
      (undefined as unknown as { asOf: string }).asOf.slice(0, 4);
    } catch (error) {
      fault = error;
    }
    expect(fault).toBeInstanceOf(TypeError);
    expect(failureOf(fault)).toEqual({ code: 'UNEXPECTED_ERROR', detail: (fault as TypeError).message, fieldErrors: [], retryAfterSeconds: null });
  });
});
