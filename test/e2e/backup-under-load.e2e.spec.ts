import { readdirSync, readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { openSqliteDatabase } from '../../src/storage/sqlite-database';
import { runStoreCli } from '../support/backup-cli';
import { eventually } from '../support/eventually';
import { postGraphQL } from '../support/graphql-client';
import { enrolmentInput, mutation, PARTICIPANT_QUERY } from '../support/journey-api';
import { type ServiceProcess, startServiceProcess } from '../support/service-process';
import { tempDir } from '../support/temp-files';
import { bearer, defaultBearer } from '../support/tokens';

/**
 * No budget stops the burst (the test is about the backup, not the limits), and ready means every
 * read model has caught up with the log, so that the figures read then are final.
 */
const SETTINGS = { MUTATION_RATE_LIMIT: '1000000', REQUESTS_PER_ADDRESS_PER_MINUTE: '1000000', QUERY_COST_PER_MINUTE: '100000000', READINESS_MAX_LAG: '0' };
/** Under MAX_CONCURRENT_OPERATIONS (8), so that no mutation waits in the service's queue and is refused SERVICE_BUSY. */
const WORKERS = 6;

/** Each participant's journey, milestone by milestone, as the workers record it. */
const JOURNEY = [
  { kind: 'COACHING_SESSION', name: 'recordCoachingSession', input: { occurredOn: '2007-04-02', mode: 'GROUP', durationMinutes: 30 } },
  { kind: 'JOB_STARTED', name: 'recordJobStart', input: { occurredOn: '2007-06-18', contractType: 'TIME_SHARE', employerType: 'EMPLOYER_GROUP', sector: 'M', weeklyHours: 24 } },
  { kind: 'EXITED', name: 'recordExit', input: { occurredOn: '2007-06-30', reason: 'EMPLOYMENT' } },
] as const;

const DASHBOARDS = `{
  dashboards { city enrolled active exited positiveExits neutralExits jobReturns businessCreations positiveExitRate medianDaysToOutcome
    lastEventPosition exitsByReason { reason count } jobsByContract { contractType count } }
  timeToOutcome(city: "paris") { participants medianDays }
}`;

interface Acknowledged {
  participantId: string;
  version: number;
  kind: string;
  /** performance.now() when the answer came. */
  at: number;
}

type Row = Record<string, unknown>;
const eventsOf = (file: string, upTo: bigint): Row[] => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM events WHERE global_position <= ? ORDER BY global_position').safeIntegers().all(upTo) as Row[];
  } finally {
    db.close();
  }
};
const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/**
 * The original's log up to `position`, alone in a new file: the service started on it folds
 * its read models from that log, which gives the figures the original had at that position.
 */
function logUpTo(source: string, position: bigint, target: string): void {
  const db = openSqliteDatabase(target);
  try {
    new SqliteEventStore(db);
    db.prepare('ATTACH DATABASE ? AS original').run(source);
    db.prepare('INSERT INTO streams SELECT stream_id, max(version) FROM original.events WHERE global_position <= ? GROUP BY stream_id').run(position);
    db.prepare('INSERT INTO events SELECT * FROM original.events WHERE global_position <= ?').run(position);
    db.exec('DETACH DATABASE original');
  } finally {
    db.close();
  }
}

async function readyAndFigures(service: ServiceProcess, authorization: string): Promise<unknown> {
  await eventually('the service is ready', async () => (await fetch(service.url.replace(/\/graphql$/, '/health/ready'))).status === 200, 60_000);
  const answer = await postGraphQL(service.url, DASHBOARDS, {}, { authorization });
  expect(answer.errors).toBeUndefined();
  return answer.data;
}

describe('backup while mutations run, restore into a new folder (e2e, the built service and the built commands as child processes)', () => {
  const tmp = tempDir();
  const services: ServiceProcess[] = [];
  afterAll(async () => {
    for (const service of services) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    tmp.remove();
  });
  const start = async (file: string): Promise<ServiceProcess> => {
    const service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${file}`, ...SETTINGS });
    services.push(service);
    return service;
  };
  const stop = async (service: ServiceProcess): Promise<void> => {
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    services.splice(services.indexOf(service), 1);
  };

  it('restores every acknowledged event, positions without a gap, and the figures the original had at the backup’s last position', async () => {
    const original = tmp.file('original/journeys.db');
    const backupDir = tmp.file('backup');
    const restored = tmp.file('restored/journeys.db');
    const auth = { authorization: await defaultBearer() };
    const first = await start(original);

    // Workers record journeys, each milestone after the answer to the one before, until told to stop.
    const acknowledged: Acknowledged[] = [];
    let stopping = false;
    const worker = async (): Promise<void> => {
      while (!stopping) {
        const enrolment = enrolmentInput({ programme: acknowledged.length % 2 ? 'paris-gatp' : 'paris-rmi' });
        const participantId = enrolment.participantId as string;
        const enrolled = await postGraphQL(first.url, mutation('enrolParticipant'), { input: enrolment }, auth);
        expect(enrolled.errors).toBeUndefined();
        acknowledged.push({ participantId, version: 1, kind: 'ENROLLED', at: performance.now() });
        for (const step of JOURNEY) {
          if (stopping) return;
          const answer = await postGraphQL(first.url, mutation(step.name), { input: { participantId, ...step.input } }, auth);
          expect(answer.errors).toBeUndefined();
          acknowledged.push({ participantId, version: answer.data![step.name].version, kind: step.kind, at: performance.now() });
        }
      }
    };
    const failures: unknown[] = [];
    const workers = Array.from({ length: WORKERS }, () => worker().catch((error: unknown) => failures.push(error)));
    await eventually('the workers have recorded 60 milestones', () => acknowledged.length >= 60 || failures.length > 0, 60_000);

    const backupStartedAt = performance.now();
    const backup = await runStoreCli('backup.js', [backupDir], { EVENT_STORE_URL: `sqlite:${original}` });
    const backupEndedAt = performance.now();
    const answeredBeforeBackup = acknowledged.filter(({ at }) => at < backupStartedAt);
    const answeredDuringBackup = acknowledged.filter(({ at }) => at >= backupStartedAt && at <= backupEndedAt);
    const afterBackup = acknowledged.length;
    // Some more after the copy, so that the original's log runs past the backup's.
    await eventually('the workers have recorded 20 more milestones', () => acknowledged.length >= afterBackup + 20 || failures.length > 0, 60_000);
    stopping = true;
    await Promise.all(workers);
    await stop(first);
    expect(failures).toEqual([]);

    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(answeredDuringBackup.length).toBeGreaterThan(0);
    // Not a terminal: plain progress lines, then the summary.
    expect(backup.stdout).toMatch(/^Copying events \(.*journeys\.db\): copied$/m);
    expect(readdirSync(backupDir).sort()).toEqual(['events.db', 'manifest.json']);
    expect(readdirSync(backupDir).map((name) => modeOf(`${backupDir}/${name}`))).toEqual(['600', '600']);
    const manifest = JSON.parse(readFileSync(`${backupDir}/manifest.json`, 'utf8'));
    const lastPosition = BigInt(manifest.lastPosition);
    const totalEvents = BigInt(eventsOf(original, 1n << 62n).length);
    // The copy was taken mid-burst: after what was answered before it began, before the end of the log.
    expect(lastPosition).toBeGreaterThanOrEqual(BigInt(answeredBeforeBackup.length));
    expect(lastPosition).toBeLessThan(totalEvents);
    expect(manifest.files).toEqual([
      expect.objectContaining({ name: 'events.db', role: 'events', source: original, counts: expect.objectContaining({ events: Number(lastPosition) }) }),
    ]);

    const restore = await runStoreCli('restore.js', [backupDir, '--to', restored], {});
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(restore.stdout).toContain(`EVENT_STORE_URL=sqlite:${restored} npm start`);
    expect(restore.stdout).toContain('Erase again every participant erased since');
    expect(restore.stdout).toContain('npm run projections:rebuild');
    expect(modeOf(restored)).toBe('600');

    // The restored log is the original's up to the backup's last position, event for event.
    const restoredEvents = eventsOf(restored, lastPosition);
    expect(restoredEvents.map((event) => event.global_position)).toEqual(Array.from({ length: Number(lastPosition) }, (_, i) => BigInt(i + 1)));
    expect(restoredEvents).toEqual(eventsOf(original, lastPosition));

    const second = await start(restored);
    const figures = (await readyAndFigures(second, await bearer('coordinator', '*'))) as { dashboards: { city: string; enrolled: number; exited: number }[] };
    // Journeys of every stage: enrolled, and some already through their exit.
    expect(figures.dashboards.find(({ city }) => city === 'paris')!.exited).toBeGreaterThan(0);
    for (const { participantId, version, kind } of answeredBeforeBackup) {
      const { data } = await postGraphQL(second.url, PARTICIPANT_QUERY, { id: participantId }, auth);
      expect(data!.participant.version).toBeGreaterThanOrEqual(version);
      expect(data!.participant.timeline[version - 1]).toMatchObject({ sequence: version, kind });
    }
    await stop(second);

    const prefix = tmp.file('prefix/journeys.db');
    logUpTo(original, lastPosition, prefix);
    const folded = await start(prefix);
    expect(await readyAndFigures(folded, await bearer('coordinator', '*'))).toEqual(figures);
  }, 180_000);
});
