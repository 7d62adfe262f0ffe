import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { eventsPerParticipant } from '../support/stored-participants';
import { enrolmentInput, mutation } from '../support/journey-api';
import type { GraphQLResponse } from '../support/graphql-client';
import { startServiceProcess } from '../support/service-process';
import { tempDir } from '../support/temp-files';
import { defaultBearer } from '../support/tokens';

const BURST = 300;
const WAVE = 20;

/** What one client saw: an HTTP answer, or its connection refused or cut. */
type Outcome = { answered: GraphQLResponse & { retryAfter?: string; connection?: string } } | { failed: string };

/** A POST on a connection of its own (no agent: nothing kept alive or shared), as many clients arrive. */
function postOnNewConnection(url: string, body: unknown, authorization: string): Promise<Outcome> {
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolve({
          answered: { status: res.statusCode!, ...JSON.parse(text), retryAfter: res.headers['retry-after'], connection: res.headers.connection },
        }),
      );
      res.on('error', (error) => resolve({ failed: error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ failed: error.code ?? error.message }));
    req.end(payload);
  });
}


describe('SIGTERM during a burst of mutations on new connections (e2e, the built service as a child process)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('answers every request it read, stores none it did not answer, exits 0; a retry with the commandId answers the case and records nothing twice', async () => {
    const file = tmp.file('burst.db');
    // Limits high enough that the burst reaches the commands; the gate's queue still refuses some with SERVICE_BUSY.
    const env = { EVENT_STORE_URL: `sqlite:${file}`, MUTATION_RATE_LIMIT: '100000', REQUESTS_PER_ADDRESS_PER_MINUTE: '100000', MAX_CONCURRENT_OPERATIONS: '32' };
    const authorization = await defaultBearer();
    const inputs = Array.from({ length: BURST }, () => enrolmentInput({ commandId: randomUUID() }));
    const document = mutation('enrolParticipant');

    const first = await startServiceProcess(env);
    let signalled = false;
    const signal = () => {
      if (signalled) return;
      signalled = true;
      first.child.kill('SIGTERM');
    };
    // Clients arrive in waves; the signal comes with the first enrolment answered, the rest being
    // read, run, queued in the kernel's backlog or still to come.
    const outcomes: Promise<Outcome>[] = [];
    for (let i = 0; i < BURST; i += WAVE) {
      for (const input of inputs.slice(i, i + WAVE)) {
        const sent = postOnNewConnection(first.url, { query: document, variables: { input } }, authorization);
        outcomes.push(sent.then((outcome) => ('answered' in outcome && outcome.answered.data && signal(), outcome)));
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const seen = await Promise.all(outcomes);
    signal();
    expect(await first.exited).toBe(0);

    const stored = eventsPerParticipant(file);
    const succeeded = inputs.filter((input, i) => {
      const outcome = seen[i];
      return 'answered' in outcome && outcome.answered.data?.enrolParticipant?.id === input.participantId;
    });
    const unanswered = inputs.filter((_, i) => !('answered' in seen[i]));
    const refused = seen.flatMap((outcome) => ('answered' in outcome && outcome.answered.errors ? [outcome.answered] : []));
    // The signal came in the middle: some were answered, some not.
    expect(succeeded.length).toBeGreaterThan(0);
    expect(succeeded.length).toBeLessThan(BURST);

    // No acknowledged enrolment is missing, and none was stored without its answer.
    expect(succeeded.filter((input) => !stored.has(input.participantId as string))).toEqual([]);
    expect(inputs.filter((input) => stored.has(input.participantId as string) && !succeeded.includes(input))).toEqual([]);
    expect(unanswered.filter((input) => stored.has(input.participantId as string))).toEqual([]);
    // A refusal is an answer the client can act on: a code, and when to come back.
    for (const answer of refused) {
      expect(['SHUTTING_DOWN', 'SERVICE_BUSY']).toContain(answer.errors![0].extensions?.code);
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toMatch(/^\d+$/);
    }

    // Every client retries with its commandId against the service started again on the same file.
    const second = await startServiceProcess(env);
    try {
      for (const input of inputs) {
        const retry = await postOnNewConnection(second.url, { query: document, variables: { input } }, authorization);
        expect(retry).toMatchObject({ answered: { data: { enrolParticipant: { id: input.participantId, version: 1, timeline: [{ kind: 'ENROLLED' }] } } } });
      }
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
    // Each enrolment recorded once: the stored ones not again, the others now.
    const afterRetries = eventsPerParticipant(file);
    expect(afterRetries.size).toBe(BURST);
    expect([...afterRetries.values()].every((events) => events === 1)).toBe(true);
  }, 120_000);
});
