import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BUILT_IN_CATALOGUE } from '../src/catalogue/built-in-catalogue';
import { SqliteKeyVault } from '../src/personal-data/sqlite-key-vault';
import { buildProjections } from '../src/read-side/projections.registry';
import { benchDashboards, benchLiveDashboard, DASHBOARD, DASHBOARD_CITY, SERIES_MONTHS } from './dashboards.bench';
import { releasesPrepared } from './releases-prepared';
import { RESEARCH_MONTHS } from '../src/outcomes/research-months';
import { benchEsdb } from './esdb-rows';
import { writeProgrammeLog } from './fixtures';
import { bearer, gql } from './graphql';
import { benchHttp } from './http.bench';
import { PSEUDONYM_SECRET, type Server, startBareFastifyServer, startBareServer, startService } from './processes';
import { untilReady } from './until-ready';
import { benchReplay } from './replay';
import { type BenchResults, machine, row, type Row, writeResults } from './results';
import type { BenchSize } from './sizes';
import { sleep } from './stats';
import { benchStore, removeDatabase } from './store.bench';
import { benchBareSubscription, benchServiceSubscription } from './subscription.bench';
import { benchBrowserPush } from './browser-push.bench';
import { explain, METHOD } from './notes';
import { benchImport } from './import.bench';

export interface BenchOptions {
  size: BenchSize;
  /** Where results.md and results.json are written. */
  outDir: string;
  /** Scratch space for the databases, emptied before and after. */
  workDir: string;
  log?: (line: string) => void;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** Longer than verifying a national file's read models takes here under load: the limit only ends a run that is stuck. */
const READY_PATIENCE_MS = 30 * 60_000;

/** Runs every benchmark at `size`, writes the table and its JSON, and answers them. */
export async function runBench({ size, outDir, workDir, log = () => undefined }: BenchOptions): Promise<BenchResults> {
  const startedAt = new Date();
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const servers: Server[] = [];
  const started = async (server: Promise<Server>): Promise<Server> => {
    const s = await server;
    servers.push(s);
    return s;
  };
  const stop = async (server: Server): Promise<void> => {
    await server.stop();
    servers.splice(servers.indexOf(server), 1);
  };
  const rows: Row[] = [];
  const seconds = () => (Date.now() - startedAt.getTime()) / 1_000;
  /** Logs the phase beginning, and writes what was measured before it: a run that stops keeps its rows. */
  const phase = (line: string): void => {
    log(line);
    writeResults(outDir, { size: size.name, startedAt: startedAt.toISOString(), seconds: seconds(), machine: machine(), rows, notes: {}, method: METHOD, measurements: {}, unfinished: line });
  };
  try {

    phase('store: single writer');
    const single = await benchStore(workDir, 1, size.store);
    phase(`store: ${size.concurrentWriters} writers`);
    const concurrent = await benchStore(workDir, size.concurrentWriters, size.concurrentStore);
    const storeRow = (id: string, writers: string, f: typeof single) =>
      row({
        id,
        title: `Store: single-event appends with the version check, ${writers}`,
        value: f.adapter,
        unit: 'appends/s',
        detail: `rounds ${f.rounds.adapter.map((r) => Math.round(r)).join(', ')}`,
        baseline: { title: 'raw better-sqlite3, same transaction', value: f.raw, unit: 'appends/s', detail: `rounds ${f.rounds.raw.map((r) => Math.round(r)).join(', ')}` },
        target: { on: 'ratio', atLeast: 0.8 },
      });
    rows.push(storeRow('store-1', '1 writer', single), storeRow('store-concurrent', `${size.concurrentWriters} concurrent writers`, concurrent));

    phase('http: recording mutation against the bare server');
    const httpFile = join(workDir, 'http.db');
    // The bare server on the service's adapter (Fastify) is the baseline; the same on Express is reported beside it.
    const [service, bare, bareExpress] = await Promise.all([started(startService('service', httpFile)), started(startBareFastifyServer('bare')), started(startBareServer('bare-express'))]);
    await untilReady(service.url, READY_PATIENCE_MS);
    const http = await benchHttp({ service: service.url, bare: bare.url, bareExpress: bareExpress.url }, size.http);
    await Promise.all([stop(service), stop(bareExpress)]);
    const onExpress = `the same bare app on Express: ${Math.round(http.bareExpress.perSecond)} req/s`;
    rows.push(
      row({
        id: 'http-mutation',
        title: `Recording mutation over HTTP (recordCoachingSession, ${size.http.connections} connections)`,
        value: http.service.perSecond,
        unit: 'req/s',
        detail: `p50 ${http.service.p50Ms} ms, p99 ${http.service.p99Ms} ms`,
        baseline: {
          title: 'bare NestJS + Apollo mutation doing nothing, on Fastify as the service',
          value: http.bare.perSecond,
          unit: 'req/s',
          detail: `p50 ${http.bare.p50Ms} ms, p99 ${http.bare.p99Ms} ms; ${onExpress}`,
        },
        target: { on: 'ratio', atLeast: 0.7 },
      }),
      row({
        id: 'http-pipeline',
        title: `The service's request pipeline alone (\`{ cities { code } }\`, ${size.http.connections} connections)`,
        value: http.pipeline.perSecond,
        unit: 'req/s',
        detail: `p50 ${http.pipeline.p50Ms} ms, p99 ${http.pipeline.p99Ms} ms`,
        baseline: { title: 'bare NestJS + Apollo mutation doing nothing, on Fastify as the service', value: http.bare.perSecond, unit: 'req/s', detail: onExpress },
      }),
      row({
        id: 'http-bare-fastify',
        title: `The bare mutation on Nest's Fastify adapter (Apollo's Fastify integration, ${size.http.connections} connections)`,
        value: http.bare.perSecond,
        unit: 'req/s',
        detail: `p50 ${http.bare.p50Ms} ms, p99 ${http.bare.p99Ms} ms`,
        baseline: { title: "the same bare app on Nest's Express adapter", value: http.bareExpress.perSecond, unit: 'req/s', detail: `p50 ${http.bareExpress.p50Ms} ms, p99 ${http.bareExpress.p99Ms} ms` },
      }),
    );

    phase(`fixtures: the demo generator's run, ${count(size.largeParticipants)} participants (a copy at ${count(size.replayEvents)} events)`);
    const largeFile = join(workDir, 'large.db');
    const replayFile = join(workDir, 'replay.db');
    const smallFile = join(workDir, 'small.db');
    const { log: large, copy } = await writeProgrammeLog({
      file: largeFile,
      participants: size.largeParticipants,
      events: size.replayEvents,
      copyAtEvents: replayFile,
      window: size.window,
    });
    if (copy === null) throw new Error(`The run of ${count(size.largeParticipants)} participants has fewer than ${count(size.replayEvents)} events`);
    const { log: small } = await writeProgrammeLog({ file: smallFile, participants: size.smallParticipants, window: size.window });
    log(`fixtures: ${count(large.events)} events (${count(large.participants)} participants), ${count(copy.events)}, ${count(small.events)}`);

    phase(`replay: ${count(copy.events)} events into each projection`);
    const replay = await benchReplay(replayFile);
    for (const p of replay.projections) {
      rows.push(
        row({
          id: `replay-${p.name}`,
          title: `Projection replay: ${p.name} (rebuild over ${count(replay.events)} events)`,
          value: p.perSecond,
          unit: 'events/s',
          detail: `of which the copy into the live file, a step at a time: ${p.copySeconds.toFixed(1)} s, and the swap, under its write lock: ${p.swapSeconds.toFixed(1)} s`,
          baseline: { title: 'reading the log alone', value: replay.readPerSecond, unit: 'events/s' },
          target: { on: 'value', atLeast: 100_000 },
        }),
      );
    }

    const esdb = await benchEsdb(size, copy, workDir, phase);
    removeDatabase(replayFile);
    rows.push(...esdb.rows);

    phase(`catch-up: the service starting on ${count(large.participants)} participants`);
    const names = buildProjections(BUILT_IN_CATALOGUE, { keys: new SqliteKeyVault(new Database(':memory:')), pseudonymSecret: PSEUDONYM_SECRET }).map((p) => p.name);
    const head = headOf(largeFile);
    const catchUpStarted = performance.now();
    let largeService = await started(startService('large', largeFile));
    await caughtUp(largeFile, names, head);
    const catchUpSeconds = (performance.now() - catchUpStarted) / 1_000;
    const rssAfterCatchUp = await largeService.rssMiB();
    await stop(largeService);
    const rebuiltSeconds = replay.projections.reduce((sum, p) => sum + p.seconds, 0);
    rows.push(
      row({
        id: 'catch-up',
        title: `Service start-up: all projections catching up on ${count(large.participants)} participants (${count(large.events)} events, live runner)`,
        value: large.events / catchUpSeconds,
        unit: 'events/s',
        detail: `${catchUpSeconds.toFixed(1)} s from spawn`,
        baseline: { title: 'the same projections rebuilt one after the other', value: replay.events / rebuiltSeconds, unit: 'events/s' },
        // Reading the log once for all of them, the service catches up about as fast as rebuilding each alone.
        target: { on: 'ratio', atLeast: 0.9 },
      }),
    );

    phase('dashboards: live at both sizes, asOf at the large one');
    largeService = await started(startService('large', largeFile));
    const smallService = await started(startService('small', smallFile));
    await Promise.all([caughtUp(largeFile, names, head), caughtUp(smallFile, names, headOf(smallFile))]);
    // Verified and current, as a load balancer waits for: until then a recording waits for read models that fold nothing yet.
    await Promise.all([untilReady(largeService.url, READY_PATIENCE_MS), untilReady(smallService.url, READY_PATIENCE_MS)]);
    // After a start, the service prepares the research releases of two years of month ends, in slices
    // between requests (minutes at a million participants, once per start after the tables change):
    // the dashboards are measured once they are stored, and asked during that work beside.
    const preparing = await benchLiveDashboard(largeService.url, size.dashboards.queries);
    const preparedSeconds = (await Promise.all([releasesPrepared(largeFile), releasesPrepared(smallFile)]))[0];
    const dashboards = await benchDashboards(smallService.url, largeService.url, size.dashboards);
    await stop(smallService);
    const tallies = { small: tallyRows(smallFile), large: tallyRows(largeFile) };
    const rssLarge = await largeService.rssMiB();
    rows.push(
      row({
        id: 'dashboard-live',
        title: `Live dashboard query at ${count(large.participants)} participants (cityDashboard ${DASHBOARD_CITY}, p50)`,
        value: dashboards.large.p50Ms,
        unit: 'ms',
        detail:
          `p99 ${dashboards.large.p99Ms.toFixed(2)} ms; ${count(dashboards.largeEnrolled)} enrolled in ${DASHBOARD_CITY}, ${count(tallies.large)} survival tally rows; ` +
          `the ${count(preparing.samples)} queries right after the start, while the research releases of ${RESEARCH_MONTHS} month ends were prepared ` +
          `(stored ${preparedSeconds.toFixed(0)} s after those queries): p50 ${preparing.p50Ms.toFixed(1)} ms, p99 ${preparing.p99Ms.toFixed(1)} ms`,
        baseline: {
          title: `at ${count(small.participants)} participants`,
          value: dashboards.small.p50Ms,
          unit: 'ms',
          detail: `p99 ${dashboards.small.p99Ms.toFixed(2)} ms; ${count(dashboards.smallEnrolled)} enrolled, ${count(tallies.small)} tally rows`,
        },
        target: { on: 'ratio', atMost: 1.5 },
      }),
      row({
        id: 'dashboard-as-of',
        title: `asOf dashboard query at ${count(large.participants)} participants (asOf ${size.dashboards.asOf}, p50)`,
        value: dashboards.largeAsOf.p50Ms,
        unit: 'ms',
        detail:
          `p99 ${dashboards.largeAsOf.p99Ms.toFixed(2)} ms; ` +
          `computed afresh (each query to a date of its own): p50 ${dashboards.largeAsOfCold.p50Ms.toFixed(1)} ms, p99 ${dashboards.largeAsOfCold.p99Ms.toFixed(1)} ms`,
        baseline: { title: 'the live one, same service', value: dashboards.large.p50Ms, unit: 'ms' },
        target: { on: 'ratio', atMost: 5 },
      }),
      row({
        id: 'dashboard-series',
        title: `${SERIES_MONTHS}-month trend series of one city at ${count(large.participants)} participants (dashboardSeries ${DASHBOARD_CITY}, p50)`,
        value: dashboards.largeSeries.p50Ms,
        unit: 'ms',
        detail:
          `p99 ${dashboards.largeSeries.p99Ms.toFixed(2)} ms; ${dashboards.seriesPoints} monthly points; ` +
          `computed afresh (as after an event in the city): p50 ${dashboards.largeSeriesCold.p50Ms.toFixed(1)} ms, p99 ${dashboards.largeSeriesCold.p99Ms.toFixed(1)} ms`,
        baseline: { title: 'the live dashboard, same service', value: dashboards.large.p50Ms, unit: 'ms' },
        target: { on: 'ratio', atMost: 5 },
      }),
    );

    phase(`subscription: ${size.subscription.perSecond} mutations/s for ${size.subscription.seconds} s`);
    const pushes = await benchServiceSubscription(largeService.url, largeFile, size.subscription);
    phase(`browser: the dashboards page open in Chromium, ${size.subscription.perSecond} mutations/s for ${size.subscription.seconds} s`);
    const browserPushes = await benchBrowserPush(largeService.url, largeFile, size.subscription);
    await stop(largeService);
    const barePushes = await benchBareSubscription(bare.url, size.subscription);
    await stop(bare);
    rows.push(
      row({
        id: 'subscription',
        title: `Commit-to-subscription latency under ${size.subscription.perSecond} mutations/s (p99)`,
        value: pushes.p99Ms,
        unit: 'ms',
        detail: `p50 ${pushes.p50Ms.toFixed(1)} ms, max ${pushes.maxMs.toFixed(1)} ms, ${count(pushes.samples)} events in ${count(pushes.pushes)} pushes`,
        baseline: { title: 'bare graphql-ws push', value: barePushes.p99Ms, unit: 'ms', detail: `p50 ${barePushes.p50Ms.toFixed(1)} ms` },
        target: { on: 'value', atMost: 50 },
      }),
      row({
        id: 'browser-push',
        title: `A dashboard change on the open page (Chromium), commit to its frame, under ${size.subscription.perSecond} mutations/s (p99)`,
        value: browserPushes.page.p99Ms,
        unit: 'ms',
        detail:
          `p50 ${browserPushes.page.p50Ms.toFixed(1)} ms; per event, the frame after the subscriber's push: ` +
          `p50 ${browserPushes.frameDelayP50Ms.toFixed(1)} ms, p99 ${browserPushes.frameDelayP99Ms.toFixed(1)} ms; ${count(browserPushes.page.samples)} events`,
        baseline: {
          title: 'commit to the push at a graphql-ws subscriber, same run',
          value: browserPushes.subscriber.p99Ms,
          unit: 'ms',
          detail: `p50 ${browserPushes.subscriber.p50Ms.toFixed(1)} ms`,
        },
        // The service's commit-to-subscription figure plus one frame at 60 Hz.
        target: { on: 'excess', atMost: 16.7 },
      }),
    );

    phase('memory: the service on an empty store');
    const emptyFile = join(workDir, 'empty.db');
    const empty = await started(startService('empty', emptyFile));
    await warmUp(empty.url, size.dashboards.asOf);
    const rssEmpty = await empty.rssMiB();
    await stop(empty);
    rows.push(
      row({
        id: 'memory',
        title: `Resident memory after loading ${count(large.participants)} participants (restarted, after the dashboard queries)`,
        value: rssLarge,
        unit: 'MiB',
        detail: `${rssAfterCatchUp.toFixed(0)} MiB right after catching up`,
        baseline: { title: 'the same service on an empty store, after the same queries', value: rssEmpty, unit: 'MiB' },
        // A national roll-out's million participants on one machine, with room to spare.
        target: { on: 'value', atMost: 1_024 },
      }),
    );

    phase(`import: the demo run of ${count(size.smallParticipants)} participants imported from CSV, against the demo seeder`);
    rows.push(await benchImport(workDir, size.smallParticipants));

    const results: BenchResults = {
      size: size.name,
      startedAt: startedAt.toISOString(),
      seconds: seconds(),
      machine: machine(),
      rows,
      notes: explain(rows, { single, http, replay, projections: names.length, tallies, esdb: esdb.figures }),
      method: METHOD,
      measurements: {
        store: { single, concurrent: { writers: size.concurrentWriters, ...concurrent } },
        http,
        fixtures: { large, replay: copy, small },
        replay,
        esdb: esdb.figures,
        catchUp: { events: large.events, seconds: catchUpSeconds },
        dashboards: { ...dashboards, tallyRows: tallies, whilePreparingReleases: preparing, releasesStoredAfterSeconds: preparedSeconds },
        subscription: { service: pushes, bare: barePushes, ...size.subscription },
        browserPush: browserPushes,
        memory: { largeMiB: rssLarge, afterCatchUpMiB: rssAfterCatchUp, emptyMiB: rssEmpty },
      },
    };
    writeResults(outDir, results);
    return results;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(workDir, { recursive: true, force: true });
  }
}

export function headOf(file: string): bigint {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare<[], bigint>('SELECT coalesce(max(global_position), 0) FROM events').pluck().safeIntegers().get() ?? 0n;
  } finally {
    db.close();
  }
}

/** Rows of the dashboard city's survival tallies: what a live dashboard reads besides its counters. */
function tallyRows(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare<[string], number>('SELECT count(*) FROM outcome_survival WHERE scope = ?').pluck().get(DASHBOARD_CITY) ?? 0;
  } finally {
    db.close();
  }
}

/** Resolves once every projection's checkpoint in `file` is at `head`. */
export async function caughtUp(file: string, names: readonly string[], head: bigint): Promise<void> {
  const db = new Database(file, { readonly: true });
  try {
    const done = () => {
      try {
        const position = db.prepare<[string], bigint>('SELECT position FROM projection_checkpoints WHERE name = ?').pluck().safeIntegers();
        return names.every((name) => (position.get(name) ?? 0n) >= head);
      } catch {
        return false; // the service has not created the table yet
      }
    };
    for (let waited = 0; !done(); waited += 100) {
      // A national log (21 million events) takes about half an hour here: the limit only ends a run that is stuck.
      if (waited > 120 * 60_000) throw new Error(`The projections of ${file} did not catch up`);
      await sleep(100);
    }
  } finally {
    db.close();
  }
}

/** The queries the large service answered before its memory was read, on another service. */
async function warmUp(url: string, asOf: string): Promise<void> {
  const authorization = await bearer('coordinator');
  for (let i = 0; i < 20; i++) await gql(url, authorization, DASHBOARD, { city: DASHBOARD_CITY, asOf: null });
  for (let i = 0; i < 3; i++) await gql(url, authorization, DASHBOARD, { city: DASHBOARD_CITY, asOf });
}
