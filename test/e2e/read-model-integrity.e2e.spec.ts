import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { runRebuildCommand } from '../../src/projections/rebuild-command';
import { EXIT_DAMAGE_FOUND } from '../../src/projections/verify-command';
import { registeredProjections } from '../support/registered-projections';
import { openSqliteDatabase } from '../../src/storage/sqlite-database';
import { fakeClock } from '../support/fake-clock';
import { enrolmentInput, type JourneyMutation, mutation } from '../support/journey-api';
import { subscribe } from '../support/subscription-client';
import { tempDir } from '../support/temp-files';
import { startTestApp, type TestApp } from '../support/test-app';
import { bearer } from '../support/tokens';

const OPERATIONS_TOKEN = 'operations-token-of-at-least-32-characters';
const ENV = { OPERATIONS_TOKEN, K_ANONYMITY: '1' };

const FIGURES = `city programme enrolled active exited positiveExits neutralExits positiveExitRate jobReturns jobReturnRate
  businessCreations medianDaysToOutcome followUps6m sustainedOutcomes6m exitsByReason { reason count }
  jobsByContract { contractType count } lastEventPosition updatedAt`;
const ANSWERS = `{
  paris: cityDashboard(city: "paris") { ${FIGURES} }
  gatp: cityDashboard(city: "paris", programme: "paris-gatp") { ${FIGURES} }
  frankfurt: cityDashboard(city: "frankfurt") { ${FIGURES} }
}`;
const LIFE_PATHS = '{ lifePaths(first: 100) { totalCount edges { node { pseudonym outcome steps { kind } } } } }';

type Figures = { jobsByContract: { contractType: string; count: number }[] } & Record<string, unknown>;

const permanentJobs = (figures: Figures): number => figures.jobsByContract.find((c) => c.contractType === 'PERMANENT')!.count;

const output = () => {
  const written: string[] = [];
  return { text: () => written.join(''), isTTY: false, write: (text: string) => written.push(text) };
};

/** `npm run projections:verify`: the built command line as a child process (npm test builds first). */
function verifyCommandLine(file: string): Promise<{ code: number; stdout: string }> {
  const cli = join(__dirname, '../../dist/cli/verify-projections.js');
  return new Promise((resolve) => {
    execFile(process.execPath, [cli], { env: { ...process.env, EVENT_STORE_URL: `sqlite:${file}` } }, (error, stdout) => {
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout });
    });
  });
}

const rebuild = (file: string) => runRebuildCommand([], { readModelFile: file, projections: registeredProjections, stdout: output(), stderr: output() });

/** Runs SQL on the service's file from a connection of its own, as an operator's shell would. */
function onTheFile(file: string, sql: string): void {
  const db = openSqliteDatabase(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('read models after damage and a rebuild, while the service runs (e2e, real app over HTTP and WebSocket)', () => {
  const tmp = tempDir('journey-integrity-');
  const apps: TestApp[] = [];
  let researcher: string;
  // Life paths are released as monthly snapshots: the journeys are recorded in September and read in October.
  const clock = fakeClock('2026-09-10T10:00:00Z');
  afterAll(() => clock.restore());

  beforeAll(async () => {
    researcher = await bearer('researcher');
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    tmp.remove();
  });

  async function start(file: string): Promise<TestApp> {
    const app = await startTestApp(file, ENV);
    apps.push(app);
    return app;
  }

  async function close(app: TestApp): Promise<void> {
    apps.splice(apps.indexOf(app), 1);
    await app.close();
  }

  async function record(api: TestApp, name: JourneyMutation, input: Record<string, unknown>): Promise<void> {
    const res = await api.gql(mutation(name), { input });
    expect(res.errors).toBeUndefined();
  }

  /** Six participants in Paris, four of them with a permanent job, two left for it; one in Frankfurt. */
  async function seed(api: TestApp): Promise<string[]> {
    clock.set('2026-09-10T10:00:00Z');
    const paris = Array.from({ length: 6 }, () => randomUUID());
    for (const [i, participantId] of paris.entries()) {
      await record(api, 'enrolParticipant', enrolmentInput({ participantId }));
      const job = { participantId, occurredOn: '2007-04-10', contractType: 'PERMANENT', employerType: 'SME', sector: 'K' };
      if (i < 4) await record(api, 'recordJobStart', job);
      if (i < 2) await record(api, 'recordExit', { participantId, occurredOn: '2007-05-01', reason: 'EMPLOYMENT' });
    }
    await record(api, 'enrolParticipant', enrolmentInput({ city: 'frankfurt', programme: 'frankfurt-kompass' }));
    clock.set('2026-10-05T10:00:00Z');
    return paris;
  }

  const answers = async (api: TestApp) => {
    const dashboards = await api.gql<Record<'paris' | 'gatp' | 'frankfurt', Figures>>(ANSWERS);
    const lifePaths = await api.gql(LIFE_PATHS, {}, researcher);
    expect([dashboards.errors, lifePaths.errors]).toEqual([undefined, undefined]);
    return { ...dashboards.data!, lifePaths: lifePaths.data!.lifePaths };
  };

  /** What a service started fresh on a copy of the file answers (the copy taken while the other runs). */
  async function freshStartAnswers(file: string) {
    const copy = tmp.file(`copy-${randomUUID()}.db`);
    onTheFile(file, `VACUUM INTO '${copy}'`);
    const fresh = await start(copy);
    try {
      return await answers(fresh);
    } finally {
      await close(fresh);
    }
  }

  const asOperator = { authorization: `Bearer ${OPERATIONS_TOKEN}` };
  const readiness = async (api: TestApp) => {
    const response = await fetch(api.url.replace(/\/graphql$/, '/health/ready'), { headers: asOperator });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it("answers, after a rebuild by another connection, what a fresh start answers, at once, and pushes the repaired figures to live subscribers", async () => {
    const file = tmp.file('running.db');
    const api = await start(file);
    const paris = await seed(api);
    // Nothing recorded in October yet: September is not closed, no life path is released.
    expect((await answers(api)).lifePaths.totalCount).toBe(0);
    const live = subscribe<{ data: { dashboardUpdated: Figures } }>(
      api.url,
      `subscription { dashboardUpdated(city: "paris") { ${FIGURES} } }`,
      {},
      { authorization: api.bearer },
    );
    try {
      // Rows lost under the running service; the next event then builds on what is left, and is cached so.
      onTheFile(
        file,
        `DELETE FROM outcome_counters WHERE scope = 'paris' AND counter = 'jobsByContract.PERMANENT';
         DELETE FROM outcome_participants WHERE participant_id = '${paris[5]}';
         DELETE FROM life_paths WHERE participant_id = '${paris[5]}';`,
      );
      await record(api, 'recordJobStart', { participantId: paris[4], occurredOn: '2007-04-12', contractType: 'PERMANENT', employerType: 'SME', sector: 'K' });
      const damaged = await answers(api);
      expect(permanentJobs(damaged.paris)).toBe(1);
      expect(await answers(api)).toEqual(damaged);

      expect(await rebuild(file)).toBe(0);

      const repaired = await answers(api);
      expect(repaired).toEqual(await freshStartAnswers(file));
      expect(permanentJobs(repaired.paris)).toBe(5);
      // September's life paths, released once this October event closed it, were computed from what was left.
      expect(damaged.lifePaths.totalCount).toBe(repaired.lifePaths.totalCount - 1);
      // The subscriber hears of the repair without a new event.
      const pushed = await until(() => live.next(), ({ data }) => permanentJobs(data.dashboardUpdated) === 5);
      expect(pushed.data.dashboardUpdated).toEqual(repaired.paris);
    } finally {
      await live.close();
      await close(api);
    }
  });

  it('reports deleted rows and a deleted checkpoint (command line, readiness, metrics), counts nothing twice, and is repaired by a rebuild while it runs', async () => {
    const file = tmp.file('damaged.db');
    let api = await start(file);
    const paris = await seed(api);
    const truth = await answers(api);
    await close(api);
    onTheFile(
      file,
      `DELETE FROM case_timelines WHERE case_id = (SELECT case_id FROM case_files WHERE participant_id = '${paris[0]}');
       DELETE FROM case_files WHERE participant_id = '${paris[0]}';
       DELETE FROM life_paths WHERE participant_id = '${paris[1]}';
       DELETE FROM outcome_counters WHERE scope = 'frankfurt' AND counter = 'enrolled';
       DELETE FROM projection_checkpoints WHERE name = 'outcomes';`,
    );

    const found = await verifyCommandLine(file);
    expect(found.code).toBe(EXIT_DAMAGE_FOUND);
    expect(found.stdout).toMatch(/^case-files: DAMAGED: case_files holds 6 rows for 7 participants enrolled up to its checkpoint \d+: 1 missing$/m);
    expect(found.stdout).toMatch(/^life-paths: DAMAGED: life_paths holds 6 rows for 7 participants enrolled up to its checkpoint \d+: 1 missing$/m);
    expect(found.stdout).toMatch(/^outcomes: DAMAGED: no checkpoint, yet outcome_participants, outcome_counters, outcome_survival, outcome_scopes, outcome_month_counters, outcome_month_survival, outcome_month_stamps, outcome_day_counters, outcome_day_survival, outcome_day_stamps, outcomes_log_month hold rows/m);

    api = await start(file);
    // The outcomes read model, whose checkpoint was lost, is folded again from the start: once.
    const { lifePaths: _, ...dashboards } = await until(() => answers(api), (a) => a.frankfurt.enrolled === truth.frankfurt.enrolled);
    expect(dashboards).toEqual({ paris: truth.paris, gatp: truth.gatp, frankfurt: truth.frankfurt });
    expect(permanentJobs(dashboards.paris)).toBe(4);
    const notReady = await readiness(api);
    expect(notReady.status).toBe(503);
    expect(notReady.body.error.readModels).toEqual({
      status: 'down',
      'case-files': { verified: true, problems: [expect.stringMatching(/^case_files holds 6 rows for 7 participants .*: 1 missing$/)] },
      outcomes: { verified: true, problems: [] },
      'life-paths': { verified: true, problems: [expect.stringMatching(/^life_paths holds 6 rows for 7 participants .*: 1 missing$/)] },
      'case-search': { verified: true, problems: [] },
    });
    const metrics = await (await fetch(api.url.replace(/\/graphql$/, '/metrics'), { headers: asOperator })).text();
    expect(metrics).toMatch(/^journey_read_model_problems\{projection="case-files"\} 1$/m);
    expect(metrics).toMatch(/^journey_read_model_problems\{projection="outcomes"\} 0$/m);

    expect(await rebuild(file)).toBe(0);

    const ready = await until(() => readiness(api), ({ status }) => status === 200);
    expect(ready.body.info.readModels).toEqual({
      status: 'up',
      'case-files': { verified: true, problems: [] },
      outcomes: { verified: true, problems: [] },
      'life-paths': { verified: true, problems: [] },
      'case-search': { verified: true, problems: [] },
    });
    expect(await verifyCommandLine(file)).toEqual({ code: 0, stdout: expect.stringMatching(/^case-files: intact at checkpoint \d+\n/) });
    const repaired = await answers(api);
    expect(repaired).toEqual(truth);
    expect(repaired).toEqual(await freshStartAnswers(file));
    expect((await api.gql('query ($id: ID!) { participant(id: $id) { id } }', { id: paris[0] })).data).toEqual({ participant: { id: paris[0] } });
  });
});
