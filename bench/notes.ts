import type { EsdbFigures } from './esdb-rows';
import type { HttpFigures } from './http.bench';
import type { ReplayFigures } from './replay';
import type { Row } from './results';
import type { StoreFigures } from './store.bench';

export const METHOD: string[] = [
  'Store: the service\'s SQLite adapter (`appendToStream`) and raw better-sqlite3 doing the same transaction (BEGIN IMMEDIATE, the version check as one UPDATE or the stream\'s INSERT, the event\'s INSERT, COMMIT) on the same schema and connection settings (WAL, synchronous=FULL, foreign keys), each on a fresh file, in alternating rounds; the median round. One writer appends in the harness\'s thread; concurrent writers are worker threads with a connection each, contending for the write lock (busy_timeout).',
  'HTTP: autocannon on loopback against the built service (`recordCoachingSession` for participants enrolled beforehand, answering `{ id version }`: bearer token, guard, validation, command bus, load and decide, sealed append, read-your-writes wait for the projections) and against a NestJS + Apollo app set up the same way (Nest\'s Fastify adapter with Apollo\'s Fastify integration, as the service; code-first schema, same input type) whose mutation does nothing (bench/servers/bare-fastify-server.ts), and the same app on Nest\'s Express adapter beside it (bench/servers/bare-server.ts). All are child processes with the same Node.js flags and environment (NODE_ENV=production), run in alternating rounds after a warm-up; the median round. Latency percentiles are autocannon\'s.',
  'Replay: the demo generator\'s run (src/demo/generate-programme-run.ts, seed 2007) written through the store as the journey repository does (personal data sealed, one append per command, journeys of a window of participants interleaved by date as advisers record them), then each registered projection rebuilt from the whole log with `rebuildProjection` (src/projections/rebuild-projections.ts, the `projections:rebuild` path: a copy built aside, copied into the live file a step at a time, then swapped in). The baseline reads the same log through `readAll` and folds nothing.',
  'EventStoreDB (cluster mode\'s store): the same store and replay figures on `EsdbEventStore` (src/event-store/esdb/esdb-event-store.ts), against the server of EVENTSTORE_TEST_URL when it is set, else the test double of its gRPC protocol (test/support/esdb-double, events in memory, in a worker thread of the harness): against the double they measure the adapter and the real @eventstore/db-client over real gRPC on loopback, not a server. Appends: the adapter and the bare client\'s `appendToStream` of the same events with the same expected revisions, each round on a client of its own and streams of its own, in alternating rounds; concurrent writers are concurrent calls on one client, as one replica\'s requests are. Replay: the first events of the replay log copied in (a command\'s events per append, in the log\'s order), then each projection rebuilt with `rebuildProjection` into a read-model file of its own, reading the events after the head the copy started from; the baseline reads the same events through the adapter\'s `readAll`, after one untimed read.',
  'Start-up catch-up: the built service started on the large log with no read model yet; from spawn until every projection checkpoint reaches the head, read from the file.',
  'Dashboards: `cityDashboard` for a coordinator over HTTP, one request at a time, on a service holding the large log and one holding the small one (the first participants of the same run), in alternating rounds after a warm-up, once both are ready (`/health/ready`: their read models verified and current, as a load balancer waits for) and have stored the research releases they prepare after a start (the large one\'s live dashboard is also asked as many times right after its start, while it prepares them); `asOf` on the large one, first each query to a date of its own, then the same date again and again; then `dashboardSeries` of the same city on the large one, over 24 months, with the fields the trends page asks for (web/src/api/documents.ts): first each query to a day of its own (none answered from memory), then, after one warm-up, the same query again and again, as the live dashboard is asked.',
  'Subscription: a graphql-ws subscriber of a city\'s `dashboardUpdated` while enrolments into that city are sent at a steady rate (each on its own schedule); for every event of the run, from its `recordedAt` (stamped just before its append commits) to the arrival of the first push whose `lastEventPosition` includes it. The baseline is the bare server publishing a tick from a mutation, from its stamp to its arrival.',
  'Browser: the app\'s dashboards page open in headless Chromium (Debian\'s, `--no-sandbox`) as a coordinator, beside a graphql-ws subscriber in the harness, while the same paced enrolments are recorded: a MutationObserver on the city\'s enrolled cell notes the wall-clock time of the animation frame after each change; for each event, from its `recordedAt` to the first frame showing a count that includes it, and to the subscriber\'s first push that includes it. The row is the page\'s 99th percentile from commit to frame, beside the subscriber\'s of the same events: the target is one frame (16.7 ms at 60 Hz) over it; the frame after the push, per event, is reported beside it (its p99 holds the wait for the next frame itself, up to 16.7 ms).',
  'Memory: resident set size (ps) of the service process restarted on the large, caught-up file after the dashboard queries, against the same service on an empty store after the same queries.',
  'Import: the demo generator\'s run (seed 2007) at the small size, recorded twice by the service in the harness\'s process, each time into a fresh file: by the demo seeder (src/demo/seed-demo-data.ts: one command at a time through the command bus, in order of days, the clock set to each day), and by the import (src/import/journey-import.ts, the path of `npm run import`) from one CSV file per city holding the same milestones, read, checked with `decide` and recorded through the same command bus. Rows per second of the whole import, file reading and checking included, against the seeder\'s milestones per second.',
];

export interface NoteFigures {
  single: StoreFigures;
  http: HttpFigures;
  replay: ReplayFigures;
  /** Projections the service runs. */
  projections: number;
  /** Survival tally rows of the dashboard's city, at each size. */
  tallies: { small: number; large: number };
  esdb: EsdbFigures;
}

const n = (x: number, digits = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** What bounds a figure whose target is missed, from what this run measured; and remarks on rows without one. */
export function explain(rows: readonly Row[], f: NoteFigures): Record<string, string> {
  const notes: Record<string, string> = {};
  const missed = (id: string) => rows.find((r) => r.id === id)?.met === false;

  for (const id of ['store-1', 'store-concurrent']) {
    if (missed(id)) {
      notes[id] =
        'The rounds (beside each figure) show how much an fsync varies on this disk from one round to the next: the adapter adds to the raw transaction only JSON (parsing back what it stored) and a promise, so a miss here is worth running again before reading it as a regression.';
    }
  }

  const pipelineShare = f.http.pipeline.perSecond / f.http.bare.perSecond;
  notes['http-pipeline'] =
    `Every request to the service, before any work of its own, goes through what operators and the access rules need and the bare server has not: the bearer token (verified once, then trusted until it expires, a minute at most), the access guard, the query hardening rules, the metrics plugin and one JSON log line (nestjs-pino). A query that only reads the catalogue answers at ${n(pipelineShare * 100)}% of the bare mutation: that is the ceiling of any operation of this service on this machine.`;

  if (missed('http-mutation')) {
    const commitMs = 1_000 / f.single.raw;
    const ofPipeline = f.http.service.perSecond / f.http.pipeline.perSecond;
    notes['http-mutation'] =
      `Within the pipeline's ceiling (the row below: ${n(pipelineShare * 100)}% of the bare server), the recording reaches ${n(ofPipeline * 100)}% of the pipeline alone. ` +
      `What it adds is its own work, on the same event loop. A CPU profile of this load (\`BENCH_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=DIR" npm run bench\`, 2026-11-26) ranks it, in shares of the service's busy time while recording: the durable commit, 15% (synchronous=FULL, ${n(commitMs, 2)} ms per fsync here, shared by the appends asked for in the same turn); the request log, 9%; the ${f.projections} projections folding the event before the answer (read-your-writes), 8%; sealing the note, 6% (AES-GCM, and reading the participant's key); loading the participant's stream to decide, 5%; validation, 5%; garbage collection, 6%; Express (Fastify since 2026-11-28), Apollo and GraphQL execution, most of the rest, as in the bare server. ` +
      'Done here: group commit; verified tokens trusted until they expire (the signature check was a tenth of the cost); the key vault no longer writes at every append; personal data opened only when a client asks for it (loading a stream decrypted every note in it). ' +
      'What is left is required by other parts of the design: without the request log, the metrics or the guard the ceiling rises but operations and access lose what they need; answering before the read models include the event gives up read-your-writes; a commit without its fsync gives up durability.';
  }

  const read = f.replay.readPerSecond;
  const caseFiles = f.replay.projections.find((p) => p.name === 'case-files');
  if (caseFiles && missed('replay-case-files') && f.replay.caseFilesStorage) {
    const storage = f.replay.caseFilesStorage;
    notes['replay-case-files'] =
      `A case is stored in three parts (src/read-side/cases/case-files.projection.ts): its identity (${n(storage.averageBytes.identity)} bytes on average), written at the enrolment; its head, the journey state (${n(storage.averageBytes.head)} bytes), read and written once per batch in which the case has events; and its timeline (${n(storage.averageBytes.timeline)} bytes, ${n(storage.averageMilestones, 1)} milestones at the end of this log), to which a batch appends the milestones of its events without reading it back. ` +
      `Reading the log and SQLite doing just that (the same tables, indexes and statements, fillers of those sizes, no JSON) replays at ${n(storage.perSecond)} events/s here (reading alone: ${n(read)} events/s), whatever the projection does in JavaScript; it reaches ${n((caseFiles.perSecond / storage.perSecond) * 100)}% of that. ` +
      'The rest is JavaScript: folding each event into the journey state and writing its milestone as JSON, and each head\'s JSON once per batch. ' +
      'A CPU profile of this rebuild on a 334,259-event log of the same run (bench/replay-one.ts, 2026-11-28) ranks its time: reading the log, a fifth; folding the events into heads and milestones, a fifth; the statements, a sixth; the milestones\' JSON, an eighth; the commits, a tenth; copying the rebuilt tables into the live file (then under the swap\'s write lock; since 2026-11-29 before it, a step at a time), a sixth; garbage collection spread over all. ' +
      'Appending to a timeline rewrites the stored row, so a case costs each batch in which it has events its whole timeline: in this log a case has its events in four batches or so, in a log recorded over years in many more.';
  }

  if (missed('replay-life-paths')) {
    notes['replay-life-paths'] =
      `It keeps one JSON record per participant (its steps as arrays of their values), read once and written once per batch in which the participant has events, and evolved in memory at each of them, plus the record as it stood at each month's end: the records' JSON and a read and a write per participant and batch are its cost, within the read at ${n(read)} events/s. The month each event counts in, in its city's zone, no longer costs an Intl call but near a month's turn (a seventh of the rebuild's time before).`;
  }

  if (missed('replay-outcomes')) {
    notes['replay-outcomes'] =
      `Most events carry no outcome fact and cost only their read (${n(read)} events/s here); an outcome event changes the participant's facts and up to a dozen counter and tally rows, live, by day and by month, summed in memory over its batch: each participant and each row is read or written once per batch (docs/outcomes.md, "How the figures are kept").`;
  }

  if (missed('replay-case-search')) {
    notes['replay-case-search'] =
      `Only enrolments and new personal details carry a name: before each batch it reads their participants' keys (an indexed read each, here from the SQLite vault), opens each name (AES-GCM) and computes one HMAC-SHA256 per word, then writes a row per token; every other event costs a map lookup, within the read at ${n(read)} events/s.`;
  }

  Object.assign(notes, explainEsdb(f.esdb));

  notes['catch-up'] =
    'The live runner folds every projection on the service\'s event loop, in step: each batch of 20,000 events is read and decoded once and folded into each projection in a transaction of its own, committed with its checkpoint (without an fsync); the projections take turns of the event loop one at a time (src/projections/catch-up-turns.ts), so that requests are answered between any two batches. A rebuild folds 50,000 events at a time, and answers no requests. Catching up goes at the pace of all projections together, bounded as their replay rows are, less the reads of the log that each rebuild makes again.';

  notes['dashboard-live'] =
    `A live dashboard is computed when an event has changed its scope's figures (or the day has changed), then served as is (src/read-side/outcomes/outcomes.reader.ts): with no event between the queries, as here, each one costs an indexed read of the scope's last position, whatever the number of participants. ` +
    `The computation after a change reads the maintained counters and survival tallies, not the participants: the tallies hold one row per distinct day (and kind), ${n(f.tallies.small)} rows at the small size and ${n(f.tallies.large)} at the large one, where nearly every day of the programme has one, so it stops growing once every day is filled. ` +
    'Most of either latency is the HTTP round trip, token check and GraphQL execution, the same at both sizes. ' +
    'After a start on tables it has no releases of (a first start, a rebuild), the service prepares the research releases of two years of month ends (src/read-side/life-paths/life-paths.reader.ts) in slices of 20 ms between requests: a query that comes meanwhile waits for the slice under way (the detail gives the queries asked then). The figure is measured once they are stored, as they are after any later start.';

  notes['dashboard-series'] =
    'Measured as the live dashboard is: the same question again with no event in between, answered from memory (src/read-side/outcomes/outcome-series.reader.ts) once computed. ' +
    'Computed afresh (the detail: each query to a day of its own, as the first question after an event in the city), the figures are summed from the month tables of the outcomes read model (one row per counter and survival tally entry changed in each month, src/read-side/outcomes/outcome-dated-tables.ts), the last point inside a month with the day tables of its month, and a Kaplan-Meier median is computed for every point: the survival entries dominate, and they grow with the days of the programme, not with the participants.';

  notes['dashboard-as-of'] =
    'Measured as the live dashboard is: the same date again with no event in between, answered from memory once computed (src/read-side/outcomes/outcomes.reader.ts; an event that changes a day up to the date computes it again). Computed afresh (the detail: each query to a date of its own): the changes of the months before the date\'s month and of the days of its month up to the date, summed from the dated tables of the outcomes read model (src/read-side/outcomes/as-of-sums.ts), whatever the number of participants; the survival entries of the months dominate.';

  if (missed('browser-push')) {
    notes['browser-push'] =
      'The page and the harness share the two cores with the service under load: a frame waits for Chromium\'s main thread (parsing the push, rendering the city\'s card, the next vsync of a headless compositor), and a late frame here is as often the machine as the app.';
  }

  if (missed('subscription')) {
    notes.subscription =
      'A push waits for the outcomes projection to fold the event and commit its batch, then for the figures to be read and sent; under this load the projection loops, the HTTP requests and the pushes share one event loop, and each recording mutation also makes its own commits (see the HTTP row).';
  }

  if (missed('import')) {
    notes.import =
      'Every row the import records is a command of the same path the seeder takes (load, decide, seal, a durable append, the read models caught up before the next row of that participant); what the import adds is reading the file, one check of every row with `decide` on an in-memory fold, and one read of each participant\'s stream before that. At a small size the service\'s start and the first statements weigh on both, and a miss here is worth measuring at full size before reading it as a regression.';
  }
  return notes;
}

/** Remarks on the EventStoreDB rows, which have no target: those of docs/operations.md are the embedded store's. */
function explainEsdb({ target, single, concurrent, replay }: EsdbFigures): Record<string, string> {
  const against = target.double
    ? 'Against the double, the figure and its baseline both include the double serving the calls, in another thread on the same cores; a server would answer at its own pace, not this one.'
    : `Measured against ${target.label}.`;
  const notes: Record<string, string> = {
    'esdb-store-1':
      `The adapter makes two calls where the bare client makes one: the append, then a read of the appended events back from the leader, since the append answers one position for the whole write and the port answers each event's (src/event-store/esdb/esdb-event-store.ts). The read back costs more than the append: it opens a call (a gRPC stream) of its own, where the client's appends go over its BatchAppend stream, open once (on the double here, about 2.4 ms against 1.2 ms, measured 2026-11-27). One writer waits for both: ${n(single.adapter / single.raw, 2)} of the bare client. ${against}`,
    'esdb-store-concurrent':
      `With ${concurrent.writers} writers on one client the calls overlap: the client's appends share one BatchAppend stream, while each read back is a server-streaming call of its own, which is what the adapter adds here (${n(concurrent.adapter / concurrent.raw, 2)} of the bare client). ${against}`,
  };
  const [first] = replay.projections;
  if (first) {
    notes[`esdb-replay-${first.name}`] =
      `For each of these replay rows: a rebuild reads the log as the baseline does, a call per ${n(10_000)} events, which the server filters to participants' streams and the client decodes from protobuf and parses as JSON (${n(replay.readPerSecond)} events/s alone); the ratio tells how much the projection's own writes to its SQLite file add to that, little when it is near 1. ${against}`;
  }
  return notes;
}
