// Profiles the service under the bench's recording load, and compares it with the bare server in
// the same run. After `tsc -p bench/tsconfig.json`:
//   node bench/build/bench/profile-recording.js profile [seconds]   # writes bench/recording-profile.md
//   node bench/build/bench/profile-recording.js compare [rounds]    # service, pipeline, bare (Fastify, as the service) and bare on Express, a few seconds each
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { bearer, gql } from './graphql';
import { benchHttp, ENROL, enrolment, load, RECORD, SESSION } from './http.bench';
import { inParallel } from './stats';
import { startBareFastifyServer, startBareServer, startService } from './processes';
import { summariseProfile, type CpuProfile } from './cpu-profile-summary';

const REPORT = join(__dirname, '../../../bench/recording-profile.md');

async function profile(seconds: number): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'profile-recording-'));
  process.env.BENCH_NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${join(work, 'profiles')}`;
  const service = await startService('service', join(work, 'journeys.db'));
  try {
    const authorization = await bearer('adviser');
    const participants = Array.from({ length: 100 }, () => randomUUID());
    await inParallel(participants, 8, (id) => gql(service.url, authorization, ENROL, { input: enrolment(id) }));
    let next = 0;
    const body = () => JSON.stringify({ query: RECORD, variables: { input: { participantId: participants[next++ % participants.length], ...SESSION } } });
    // The profile covers the start and the enrolments too: they are a small share beside the load.
    const figures = await load(service.url, authorization, body, 10, seconds);
    await service.stop();
    const [file] = readdirSync(join(work, 'profiles')).map((name) => join(work, 'profiles', name));
    if (!file) throw new Error('No profile of the service was written');
    const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, 25);
    writeFileSync(
      REPORT,
      [
        '# Where a recording spends its time',
        '',
        `Written by \`node bench/build/bench/profile-recording.js profile ${seconds}\` on ${new Date().toISOString().slice(0, 10)}: the built service`,
        'under `--cpu-prof`, loaded with the bench\'s recording mutation (`recordCoachingSession`, 10 connections,',
        `100 participants enrolled first) for ${seconds} s: ${Math.round(figures.perSecond)} req/s under the profiler, p50 ${figures.p50Ms} ms.`,
        'Times are shares of all the service\'s samples, start-up and enrolments included; `(idle)` is the event loop waiting.',
        '',
        summary,
      ].join('\n'),
    );
    console.log(`Wrote ${REPORT}`);
  } finally {
    await service.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function compare(rounds: number): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'compare-recording-'));
  const servers = await Promise.all([startService('service', join(work, 'journeys.db')), startBareFastifyServer('bare'), startBareServer('bare-express')]);
  const [service, bare, bareExpress] = servers;
  try {
    const f = await benchHttp({ service: service.url, bare: bare.url, bareExpress: bareExpress.url }, { connections: 10, seconds: 4, rounds, warmupSeconds: 2, participants: 1_000 });
    const line = (name: string, l: typeof f.service) =>
      `${name.padEnd(9)} ${Math.round(l.perSecond).toString().padStart(6)} req/s (ratio ${(l.perSecond / f.bare.perSecond).toFixed(2)}), rounds ${l.rounds.map((r) => Math.round(r.perSecond)).join(', ')}`;
    console.log([line('recording', f.service), line('pipeline', f.pipeline), line('bare', f.bare), line('express', f.bareExpress)].join('\n'));
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(work, { recursive: true, force: true });
  }
}

const [mode = 'compare', count] = process.argv.slice(2);
(mode === 'profile' ? profile(Number(count ?? 10)) : compare(Number(count ?? 3))).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
