import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { StoreHealth } from '../../src/storage/store-health';
import { READ_MODEL_DATABASE } from '../../src/storage/storage.tokens';
import { UNUSED_KEY_GRACE_MS, UnusedKeyCollector } from '../../src/storage/unused-key-collector';
import { enrolmentInput, mutation } from '../support/journey-api';
import { appForTests } from '../support/test-app';
import { eventually } from '../support/eventually';

const OPERATIONS_TOKEN = 'operations-token-of-at-least-32-characters';
const ENROL = mutation('enrolParticipant');

describe('Storage faults', () => {
  // A write waits 5 s at most for another process's write lock: the tests need not outwait 30 s.
  const api = appForTests({ OPERATIONS_TOKEN, STORE_LOCK_WAIT: '5' });
  const base = () => api.url.replace(/\/graphql$/, '');
  const serviceDb = () => api.app.get<Database.Database>(READ_MODEL_DATABASE);

  /** An enrolment over plain fetch, to read the HTTP status and headers as a client would. */
  async function enrol(input = enrolmentInput()) {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: api.bearer },
      body: JSON.stringify({ query: ENROL, variables: { input } }),
    });
    const body = (await response.json()) as { data?: { enrolParticipant: { id: string } | null } | null; errors?: { extensions: Record<string, unknown> }[] };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body, participantId: input.participantId as string };
  }

  async function readiness() {
    const response = await fetch(`${base()}/health/ready`, { headers: { authorization: `Bearer ${OPERATIONS_TOKEN}` } });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  /** The lines the API's loggers write from now on, until the returned function is called. */
  function logLinesDuring(): () => { level: string; context: string | undefined; message: unknown }[] {
    const lines: { level: string; context: string | undefined; message: unknown }[] = [];
    const spies = (['warn', 'error'] as const).map((level) =>
      jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, message: unknown, ..._rest: unknown[]) {
        lines.push({ level, context: (this as unknown as { context?: string }).context, message });
      }),
    );
    return () => {
      for (const spy of spies) spy.mockRestore();
      return lines.filter(({ context }) => context === 'GraphQL' || context === 'HTTP');
    };
  }

  const streams = () => new Set(serviceDb().prepare<[], string>('SELECT stream_id FROM streams').pluck().all());
  const keyOwners = () => serviceDb().prepare<[], string>('SELECT participant_id FROM participant_keys').pluck().all();

  it('a full disk (max_page_count on the service’s connection, as no file system can be filled here): STORE_UNAVAILABLE with retryAfterSeconds and 503, not ready after one refused append, ready again once space returns without a client’s mutation; nothing acknowledged lost, no key without its stream', async () => {
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const done = await enrol();
      expect(done.body.errors).toBeUndefined();
      acknowledged.push(done.participantId);
    }
    expect((await readiness()).status).toBe(200);

    const db = serviceDb();
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    // The last pages may still hold a few enrolments: the first refusal is what the test is about.
    let refused: Awaited<ReturnType<typeof enrol>> | undefined;
    for (let i = 0; i < 500 && !refused; i++) {
      const attempt = await enrol();
      if (attempt.body.errors) refused = attempt;
      else acknowledged.push(attempt.participantId);
    }

    expect(refused).toBeDefined();
    expect(refused!.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'STORE_UNAVAILABLE', retryAfterSeconds: 30 } })]);
    expect(refused!.status).toBe(503);
    expect(refused!.retryAfter).toBe('30');
    const notReady = await readiness();
    expect(notReady.status).toBe(503);
    expect(notReady.body.error.store).toMatchObject({ status: 'down', cause: expect.stringMatching(/^SQLITE_FULL/) });
    // Probing does not bring it back while the disk is still full.
    expect((await readiness()).status).toBe(503);
    const lines = logLinesDuring();
    expect((await enrol()).body.errors?.[0]?.extensions.code).toBe('STORE_UNAVAILABLE');
    // One warning, without a stack, and no error line of the API.
    expect(lines()).toEqual([{ level: 'warn', context: 'GraphQL', message: expect.stringContaining('SQLITE_FULL') }]);

    db.pragma('max_page_count = 1073741823');
    await eventually('the store recovers', async () => (await readiness()).status === 200);

    const later = await enrol();
    expect(later.body.errors).toBeUndefined();
    acknowledged.push(later.participantId);
    const stored = streams();
    expect(acknowledged.filter((id) => !stored.has(`participant-${id}`))).toEqual([]);
    await api.app.get(UnusedKeyCollector).collect(Date.now() + UNUSED_KEY_GRACE_MS);
    expect(keyOwners().filter((id) => !stored.has(`participant-${id}`))).toEqual([]);
    expect(api.app.get(StoreHealth).writable()).toEqual({ writable: true });
  });

  it("a write lock another process holds for less than STORE_LOCK_WAIT (a rebuild's swap): the enrolment waits for it and is stored, other requests answered meanwhile", async () => {
    const before = streams().size;
    const other = new Database(api.file);
    other.exec('BEGIN IMMEDIATE');
    let enrolling: ReturnType<typeof enrol>;
    try {
      enrolling = enrol();
      // SQLite's busy wait would hold the event loop, and this answer with it, until the lock is gone.
      const live = await fetch(`${base()}/health/live`);
      expect(live.status).toBe(200);
      expect(streams().size).toBe(before);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const enrolled = await enrolling;
    expect(enrolled.body.errors).toBeUndefined();
    expect(streams().has(`participant-${enrolled.participantId}`)).toBe(true);
  });

  it('a database another connection holds locked longer than STORE_LOCK_WAIT, as another process would: STORE_UNAVAILABLE with retryAfterSeconds, not ready while it holds it, ready once it lets go', async () => {
    const other = new Database(api.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const refused = await enrol();
      expect(refused.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'STORE_UNAVAILABLE', retryAfterSeconds: 5 } })]);
      expect(refused.status).toBe(503);
      const notReady = await readiness();
      expect(notReady.status).toBe(503);
      expect(notReady.body.error.store.cause).toMatch(/^SQLITE_BUSY/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await eventually('the store recovers', async () => (await readiness()).status === 200);
    expect((await enrol()).body.errors).toBeUndefined();
  }, 30_000);

  it('a read-only database (query_only on the service’s connection, as no file system can be remounted read-only here): STORE_UNAVAILABLE, and ready again once it takes writes', async () => {
    serviceDb().pragma('query_only = ON');
    try {
      const refused = await enrol();
      expect(refused.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'STORE_UNAVAILABLE', retryAfterSeconds: 30 } })]);
      expect((await readiness()).body.error.store.cause).toMatch(/^SQLITE_READONLY/);
    } finally {
      serviceDb().pragma('query_only = OFF');
    }
    await eventually('the store recovers', async () => (await readiness()).status === 200);
  });
});
