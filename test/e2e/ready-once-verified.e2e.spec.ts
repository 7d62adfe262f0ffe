import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type Database from 'better-sqlite3';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/config';
import { READ_MODEL_VERIFIER } from '../../src/projections/projection.tokens';
import { READ_MODEL_DATABASE } from '../../src/storage/storage.tokens';
import { eventually } from '../support/eventually';
import { heldVerifier } from '../support/held-verifier';
import { tempDir } from '../support/temp-files';
import { TEST_JWT_SECRET } from '../support/tokens';

const OPERATIONS_TOKEN = 'operations-token-of-at-least-32-characters';

/** The real app over HTTP, its read models' verification held as a national one takes a minute and a half (a test double of the verifier: the only one). */
describe('readiness while the read models are being verified (e2e, real app over HTTP, the verifier held)', () => {
  const tmp = tempDir();
  let app: INestApplication;
  let held: ReturnType<typeof heldVerifier>;
  let base: string;

  beforeAll(async () => {
    const config = loadConfig({ EVENT_STORE_URL: `sqlite:${tmp.file('journeys.db')}`, NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', OPERATIONS_TOKEN });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
      .overrideProvider(READ_MODEL_VERIFIER)
      .useFactory({ factory: (db: Database.Database) => (held = heldVerifier(db)), inject: [READ_MODEL_DATABASE] })
      .compile();
    app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    tmp.remove();
  });

  const ready = async () => {
    const response = await fetch(`${base}/health/ready`, { headers: { authorization: `Bearer ${OPERATIONS_TOKEN}` } });
    return { status: response.status, body: (await response.json()) as { details: Record<string, Record<string, unknown>> } };
  };

  it('answers live at once, is not ready until every read model was verified once, then is', async () => {
    await eventually('every read model is being verified', () => held.asked.length === 4);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const waiting = await ready();
    expect(waiting.status).toBe(503);
    expect(waiting.body.details.readModels).toMatchObject({ status: 'down', outcomes: { verified: false, problems: [] } });

    held.letGo();
    await eventually('the service is ready', async () => (await ready()).status === 200);
    expect((await ready()).body.details.readModels).toMatchObject({ status: 'up', outcomes: { verified: true, problems: [] } });
  });
});
