import type { HttpFigures } from './http.bench';
import type { ReplayFigures } from './replay';
import type { Row } from './results';
import type { StoreFigures } from './store.bench';

export const METHOD: string[] = [
  'Store: the service\'s SQLite adapter (`appendToStream`) and raw better-sqlite3 doing the same transaction (BEGIN IMMEDIATE, the version check as one UPDATE or the stream\'s INSERT, the event\'s INSERT, COMMIT) on the same schema and connection settings (WAL, synchronous=FULL, foreign keys), each on a fresh file, in alternating rounds; the median round. One writer appends in the harness\'s thread; concurrent writers are worker threads with a connection each, contending for the write lock (busy_timeout).',
  'HTTP: autocannon on loopback against the built service (`recordCoachingSession` for participants enrolled beforehand, answering `{ id version }`: bearer token, guard, validation, command bus, load and decide, sealed append, read-your-writes wait for the projections) and against a NestJS + Apollo app set up the same way (Express, code-first schema, same input type) whose mutation does nothing (bench/servers/bare-server.ts). Both are child processes with the same Node.js flags and environment (NODE_ENV=production), run in alternating rounds after a warm-up; the median round. Latency percentiles are autocannon\'s.',
  'Replay: the demo generator\'s run (src/demo/generate-programme-run.ts, seed 2007) written through the store as the journey repository does (personal data sealed, one append per command, journeys of a window of participants interleaved by date as advisers record them), then each registered projection rebuilt from the whole log with `rebuildProjection` (src/projections/rebuild-projections.ts, the `projections:rebuild` path: a copy built aside, then swapped in). The baseline reads the same log through `readAll` and folds nothing.',
  'Start-up catch-up: the built service started on the large log with no read model yet; from spawn until every projection checkpoint reaches the head, read from the file.',
  'Dashboards: `cityDashboard` for a coordinator over HTTP, one request at a time, on a service holding the large log and one holding the small one (the first participants of the same run), in alternating rounds after a warm-up; `asOf` on the large one.',
  'Subscription: a graphql-ws subscriber of a city\'s `dashboardUpdated` while enrolments into that city are sent at a steady rate (each on its own schedule); for every event of the run, from its `recordedAt` (stamped just before its append commits) to the arrival of the first push whose `lastEventPosition` includes it. The baseline is the bare server publishing a tick from a mutation, from its stamp to its arrival.',
  'Memory: resident set size (ps) of the service process restarted on the large, caught-up file after the dashboard queries, against the same service on an empty store after the same queries.',
];

export interface NoteFigures {
  single: StoreFigures;
  http: HttpFigures;
  replay: ReplayFigures;
  /** Projections the service runs. */
  projections: number;
  /** Survival tally rows of the dashboard's city, at each size. */
  tallies: { small: number; large: number };
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

  if (missed('http-mutation')) {
    const commitMs = 1_000 / f.single.raw;
    notes['http-mutation'] =
      `A recording mutation is durable before it answers: its append commits with synchronous=FULL (one fsync, ${n(commitMs, 2)} ms on this machine: raw better-sqlite3 above makes ${n(f.single.raw)} appends/s). ` +
      `Read-your-writes then waits for each of the ${f.projections} projections to commit its batch; those commits no longer wait for the disk (the next append makes them durable), which took the ratio only from 0.16 to this run's figure: the fsyncs are not what bounds it. ` +
      'What the bare server does not do is per-request work, all on one event loop: verifying the JWT (jose), the guard and the rate limit, validation, loading and folding the participant\'s stream, sealing and opening personal data (AES-GCM, and the key vault\'s statements), three projections folding the event before the answer, the request log. ' +
      'Next: a CPU profile under this load (`BENCH_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=…" npm run bench`) to rank those, then answering after the append where read-your-writes is not needed (queries would wait on a position instead) and caching verified tokens.';
  }

  const read = f.replay.readPerSecond;
  const caseFiles = f.replay.projections.find((p) => p.name === 'case-files');
  if (caseFiles && missed('replay-case-files') && f.replay.caseFilesStorage) {
    const storage = f.replay.caseFilesStorage;
    const ceiling = 1 / (1 / read + 1 / storage.perSecond);
    notes['replay-case-files'] =
      `Every event rewrites its participant's whole case file, one JSON document per case since the case-files reader takes it whole (${n(storage.averageFileBytes)} bytes on average at the end of this log, ${n(storage.averageMilestones, 1)} milestones). ` +
      `SQLite alone doing that (the same table, indexes and statements, each event reading the file and writing it back one filler milestone longer, no JSON) replays at ${n(storage.perSecond)} events/s here, and reading the log at ${n(read)} events/s: together at most ${n(ceiling)} events/s, whatever the projection does in JavaScript; it reaches ${n(caseFiles.perSecond / ceiling * 100)}% of that. ` +
      'The projection no longer parses and writes out again the milestones already in a file (src/read-side/cases/case-file-text.ts) and updates only the columns an event changes; what remains is the document rewrite. ' +
      '100,000 events/s needs each case written once per batch rather than once per event (a flush at the end of a batch on ProjectionWriter, in src/projections), or the timeline as rows of a table of its own so that an event appends one small row, with the reader changed to match: both outside the projections.';
  }

  if (missed('replay-life-paths')) {
    notes['replay-life-paths'] =
      `It keeps one JSON record per participant, read, parsed, evolved, written out and stored again at every event, as the case files did before this change; its records are small, so the JSON and the statements are its cost. Not reworked here (the life-paths read model is another change's); the same approach as the case files applies, within the read at ${n(read)} events/s.`;
  }

  if (missed('replay-outcomes')) {
    notes['replay-outcomes'] =
      `Most events carry no outcome fact and cost only their read (${n(read)} events/s here); an outcome event reads and writes the participant's facts and adds to up to a dozen counter and tally rows, each a statement.`;
  }

  notes['catch-up'] =
    'The live runner folds every projection at once on the service\'s event loop, in batches of 1,000 events, each committed with its checkpoint (without an fsync), and yields between batches so that requests are answered meanwhile: it goes at the pace of all projections together, bounded as their replay rows are.';

  notes['dashboard-live'] =
    `Live figures come from the maintained counters: one indexed read of the scope's counters and survival tallies, whatever the number of participants, then the Kaplan-Meier median over the tallies. The tallies hold one row per distinct day (and kind), not per participant: ${n(f.tallies.small)} rows at the small size, ${n(f.tallies.large)} at the large one, where nearly every day of the programme has one; that, not the participants, is what the large query reads more of, and it stops growing once every day is filled. ` +
    'Most of either latency is the HTTP round trip, token check and GraphQL execution, the same at both sizes.';

  if (missed('subscription')) {
    notes.subscription =
      'A push waits for the outcomes projection to fold the event and commit its batch, then for the figures to be read and sent; under this load the projection loops, the HTTP requests and the pushes share one event loop, and each recording mutation also makes its own commits (see the HTTP row).';
  }
  return notes;
}
