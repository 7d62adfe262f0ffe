// Compares builds of the service on the bench's recording load, in the same sitting: each build
// (its compiled main.js, e.g. from `git archive` of another commit compiled with this tsconfig)
// beside the bare servers on Fastify and Express, in rotating rounds. After `tsc -p bench/tsconfig.json`:
//   node bench/build/bench/compare-recordings.js [--rounds 5] [--seconds 4] NAME=path/to/main.js …
// The current build is always measured, as `this`. Beside requests per second, each server's CPU
// time per request (Linux's /proc/PID/stat), which other work on the machine disturbs much less.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { bearer, gql } from './graphql';
import { ENROL, enrolment, load, RECORD, SESSION, type LoadFigures } from './http.bench';
import { SERVICE_ENTRY, startBareFastifyServer, startBareServer, startService } from './processes';
import { inParallel, median } from './stats';

const NOTHING = 'mutation ($input: NothingInput!) { recordNothing(input: $input) { id version } }';
const CONNECTIONS = 10;
const PARTICIPANTS = 1_000;

/** CPU time the process has used so far (user and system), in ms: /proc/PID/stat's fields 14 and 15, in clock ticks of 10 ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function options(args: string[]): { rounds: number; seconds: number; builds: [string, string][] } {
  const value = (flag: string, fallback: number) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : fallback);
  const builds = args.filter((arg) => arg.includes('=')).map((arg) => arg.split('=', 2) as [string, string]);
  return { rounds: value('--rounds', 5), seconds: value('--seconds', 4), builds: [['this', SERVICE_ENTRY], ...builds] };
}

async function main(): Promise<void> {
  const { rounds, seconds, builds } = options(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'compare-recordings-'));
  const services = await Promise.all(builds.map(([name, entry]) => startService(name, join(work, `${name}.db`), entry)));
  const bares = await Promise.all([startBareFastifyServer('bare-fastify'), startBareServer('bare-express')]);
  try {
    const authorization = await bearer('adviser');
    const body = (query: string, participants: string[]) => {
      let next = 0;
      return () => JSON.stringify({ query, variables: { input: { participantId: participants[next++ % participants.length], ...SESSION } } });
    };
    const loads: { name: string; url: string; pid: number; body: () => string }[] = [];
    for (const service of services) {
      const participants = Array.from({ length: PARTICIPANTS }, () => randomUUID());
      await inParallel(participants, 8, (id) => gql(service.url, authorization, ENROL, { input: enrolment(id) }));
      loads.push({ name: service.name, url: service.url, pid: service.child.pid!, body: body(RECORD, participants) });
    }
    const anyone = Array.from({ length: PARTICIPANTS }, () => randomUUID());
    for (const bare of bares) loads.push({ name: bare.name, url: bare.url, pid: bare.child.pid!, body: body(NOTHING, anyone) });
    const runs = new Map(loads.map((l) => [l.name, [] as LoadFigures['rounds']]));
    const cpuPerRequest = new Map(loads.map((l) => [l.name, [] as number[]]));
    for (const l of loads) await load(l.url, authorization, l.body, CONNECTIONS, 2);
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < loads.length; i++) {
        const l = loads[(round + i) % loads.length]!;
        const cpuBefore = cpuMs(l.pid);
        const figures = await load(l.url, authorization, l.body, CONNECTIONS, seconds);
        runs.get(l.name)!.push(figures);
        cpuPerRequest.get(l.name)!.push((cpuMs(l.pid) - cpuBefore) / figures.requests);
      }
    }
    const perSecond = (name: string) => median(runs.get(name)!.map((r) => r.perSecond));
    const bare = perSecond('bare-fastify');
    for (const { name } of loads) {
      const rounded = runs.get(name)!.map((r) => Math.round(r.perSecond)).join(', ');
      const cpu = median(cpuPerRequest.get(name)!);
      console.log(
        `${name.padEnd(14)} ${Math.round(perSecond(name)).toString().padStart(6)} req/s (ratio to bare Fastify ${(perSecond(name) / bare).toFixed(2)}), rounds ${rounded}; ` +
          `CPU ${cpu.toFixed(2)} ms per request (ratio to bare Fastify ${(median(cpuPerRequest.get('bare-fastify')!) / cpu).toFixed(2)}), rounds ${cpuPerRequest.get(name)!.map((c) => c.toFixed(2)).join(', ')}`,
      );
    }
  } finally {
    await Promise.all([...services, ...bares].map((s) => s.stop()));
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
