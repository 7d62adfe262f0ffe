import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { MAX_SOCKETS_PER_CALLER } from '../../src/graphql/websocket/socket-sessions';
import { MAX_SUBSCRIPTIONS_PER_SOCKET } from '../../src/graphql/websocket/subscription-cap';
import { enrolmentInput, mutation } from '../support/journey-api';
import { type Closed, openSocket, type Subscribed, type TestSocket } from '../support/subscription-client';
import { appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

const SUBSCRIPTION = 'subscription ($city: String!) { dashboardUpdated(city: $city) { enrolled } }';
const MB = 1024 * 1024;

describe('limits on WebSockets (e2e, real app in this process, real ws and graphql-ws clients)', () => {
  const api = appForTests();
  const sockets: TestSocket[] = [];
  const open = (authorization: string): TestSocket => {
    const socket = openSocket(api.url, { authorization });
    sockets.push(socket);
    return socket;
  };
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  });

  async function enrolInParis(): Promise<void> {
    const res = await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ participantId: randomUUID() }) });
    expect(res.errors).toBeUndefined();
  }

  /** graphql-ws does not acknowledge a subscription: enrol until a push shows it is live. */
  async function live(subscription: Subscribed<unknown>): Promise<void> {
    while ((await subscription.nextWithin(200)) === null) await enrolInParis();
  }

  it('refuses a 5 MB connection_init frame from its header (close 1009), without the process growing by more than a few MB', async () => {
    // Built as bytes before the measure: what grows after it is the sending and the receiving.
    const frame = Buffer.from(JSON.stringify({ type: 'connection_init', payload: { authorization: api.bearer, padding: 'x'.repeat(5 * MB) } }));
    const buffersBefore = process.memoryUsage().arrayBuffers;

    const socket = new WebSocket(api.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    // The server may close while the client still writes: that error is the refusal, not a failure.
    socket.on('error', () => undefined);
    const closed = new Promise<Closed>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(frame, { binary: false });

    expect(await closed).toEqual({ code: 1009, reason: '' });
    // Buffers, not the whole process (whose size the garbage collector moves by tens of MB): the
    // client's masked copy of the frame is 5 MB, and the socket's reads before the header is
    // refused a few more; a server that read the whole frame would hold its 5 MB besides.
    expect(process.memoryUsage().arrayBuffers - buffersBefore).toBeLessThan(12 * MB);
    // The service still answers on a new socket.
    const after = open(api.bearer);
    expect(await after.execute('{ cities { code } }')).toMatchObject({ data: { cities: expect.any(Array) } });
  });

  it(`refuses a caller's socket beyond ${MAX_SOCKETS_PER_CALLER} with 4429; the earlier ones still work, and another caller is not held back`, async () => {
    const manyTabs = await bearer('adviser', '*', 'adviser-many-tabs');
    const earlier = Array.from({ length: MAX_SOCKETS_PER_CALLER }, () => open(manyTabs));
    await Promise.all(earlier.map((socket) => socket.connected));

    expect(await open(manyTabs).closed).toEqual({ code: 4429, reason: `Too many open sockets for this caller (at most ${MAX_SOCKETS_PER_CALLER})` });

    expect(await earlier[0].execute('{ cities { code } }')).toMatchObject({ data: { cities: expect.any(Array) } });
    await open(await bearer('adviser', '*', 'adviser-one-tab')).connected;
    // A socket closed frees its place.
    await earlier.pop()!.close();
    await expect(open(manyTabs).connected).resolves.toBeUndefined();
  });

  it(`refuses a subscription beyond ${MAX_SUBSCRIPTIONS_PER_SOCKET} on one socket with TOO_MANY_SUBSCRIPTIONS; the earlier ones still push`, async () => {
    const socket = open(api.bearer);
    const earlier = Array.from({ length: MAX_SUBSCRIPTIONS_PER_SOCKET }, () => socket.subscribe(SUBSCRIPTION, { city: 'paris' }));
    await live(earlier[0]);

    const beyond = socket.subscribe(SUBSCRIPTION, { city: 'paris' });
    await expect(beyond.next()).rejects.toEqual([
      expect.objectContaining({
        message: `A socket may run at most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions at once: complete one first, or open another socket`,
        extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
      }),
    ]);

    await enrolInParis();
    await expect(earlier.at(-1)!.next()).resolves.toMatchObject({ data: { dashboardUpdated: { enrolled: expect.any(Number) } } });
    // A subscription completed frees its place.
    await earlier[0].close();
    await live(socket.subscribe(SUBSCRIPTION, { city: 'paris' }));
  });
});
