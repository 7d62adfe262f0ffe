import { spawn } from 'node:child_process';
import { Agent, type ClientRequest, type IncomingMessage, request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { eventsPerParticipant } from '../support/stored-participants';
import WebSocket from 'ws';
import { enrolmentInput, mutation } from '../support/journey-api';
import { startServiceProcess } from '../support/service-process';
import { tempDir } from '../support/temp-files';
import { defaultBearer, TEST_JWT_SECRET } from '../support/tokens';

const MAIN = join(__dirname, '../../dist/main.js');

/** Runs the built service to its end; answers its exit code and everything it printed. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_JWT_SECRET, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: { data?: Record<string, any> | null; errors?: { extensions: { code: string } }[] };
  reusedSocket: boolean;
}

/** The answer to a request once its body is sent: its status, headers and JSON body. */
function answerOf(req: ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text), reusedSocket: req.reusedSocket }));
    });
    req.once('error', reject);
  });
}

const enrolment = (input: Record<string, unknown>) => JSON.stringify({ query: mutation('enrolParticipant'), variables: { input } });


describe('starting and stopping the service (e2e, the built service as a child process)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('stops with one clear message and a non-zero exit code when its port is taken, before saying it started', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const { port } = taken.address() as { port: number };
    try {
      const run = await runToExit({ PORT: String(port), EVENT_STORE_URL: `sqlite:${tmp.file('busy.db')}` });

      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`Port ${port} is already in use; set PORT to a free one`);
      expect(run.stdout).not.toMatch(/successfully started|GraphQL API at/);
    } finally {
      taken.close();
    }
  });

  it("listens on every address, as Node does by default: IPv4's loopback, and IPv6's where the machine has IPv6", async () => {
    const service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${tmp.file('addresses.db')}` });
    try {
      const port = new URL(service.url).port;
      const loopbacks = (await hasIpv6()) ? ['127.0.0.1', '[::1]'] : ['127.0.0.1'];
      for (const host of loopbacks) expect([host, (await fetch(`http://${host}:${port}/health/live`)).status]).toEqual([host, 200]);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  });

  it('logs one line when a stop begins and one when it is done, then exits 0', async () => {
    const service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${tmp.file('stop.db')}` });
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);

    const messages = service
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { msg: string }).msg);
    const started = messages.findIndex((m) => m.startsWith('GraphQL API at'));
    expect(messages.slice(started + 1)).toEqual(['SIGTERM: stopping, once the requests in flight are answered', 'Stopped']);
  });

  it('answers the request in flight when the signal comes, and refuses one sent afterwards on a kept-alive connection with SHUTTING_DOWN, storing nothing of it', async () => {
    const file = tmp.file('in-flight.db');
    const service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${file}` });
    const authorization = await defaultBearer();
    const headers = { 'content-type': 'application/json', authorization };
    const keptAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    const live = request(service.url.replace(/graphql$/, 'health/live'), { agent: keptAlive });
    live.end();
    expect((await answerOf(live)).status).toBe(200);

    // In flight: its headers are read (the service said 100 Continue), its body not sent yet.
    const inFlight = enrolmentInput({ commandId: 'in-flight-1' });
    const body = enrolment(inFlight);
    const slow = request(service.url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': Buffer.byteLength(body), expect: '100-continue' } });
    const slowAnswer = answerOf(slow);
    slow.flushHeaders();
    await new Promise((resolve) => slow.once('continue', resolve));
    service.child.kill('SIGTERM');
    await service.printed('SIGTERM: stopping');

    const late = enrolmentInput({ commandId: 'late-1' });
    const refusal = request(service.url, { method: 'POST', agent: keptAlive, headers });
    refusal.end(enrolment(late));
    const refused = await answerOf(refusal);
    expect(refused).toMatchObject({ status: 503, reusedSocket: true, headers: { connection: 'close', 'retry-after': '2' } });
    expect(refused.body.errors![0].extensions).toEqual({ code: 'SHUTTING_DOWN', retryAfterSeconds: 2 });

    slow.end(body);
    const answered = await slowAnswer;
    expect(answered).toMatchObject({ status: 200, headers: { connection: 'close' } });
    expect(answered.body.data!.enrolParticipant.id).toBe(inFlight.participantId);
    expect(await service.exited).toBe(0);
    expect([...eventsPerParticipant(file).keys()]).toEqual([inFlight.participantId]);
    keptAlive.destroy();
  });

  it('closes subscribers\' WebSockets with 1001 Going Away, then exits 0', async () => {
    const service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${tmp.file('sockets.db')}` });
    const socket = new WebSocket(service.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: await defaultBearer() } }));
    await new Promise((resolve) => socket.once('message', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));

    service.child.kill('SIGTERM');
    expect(await closed).toBe(1001);
    expect(await service.exited).toBe(0);
  });
});

/** Whether this machine can listen on IPv6's loopback: CI machines without IPv6 check IPv4 alone. */
function hasIpv6(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(0, '::1', () => probe.close(() => resolve(true)));
  });
}
