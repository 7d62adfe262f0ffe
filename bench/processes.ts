import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../test/support/free-port';

/** The compiled service (bench/build/src/main.js) and bare server, next to this file once built. */
const BUILD = join(__dirname, '..');
export const SERVICE_ENTRY = join(BUILD, 'src/main.js');
export const BARE_ENTRY = join(BUILD, 'bench/servers/bare-server.js');
export const BARE_FASTIFY_ENTRY = join(BUILD, 'bench/servers/bare-fastify-server.js');

/** Both servers run with these: same Node.js flags, same mode (production), same secrets. */
export const JWT_SECRET = 'bench-secret-of-at-least-thirty-two-characters!';
export const PSEUDONYM_SECRET = 'bench-pseudonym-secret-of-thirty-two-chars!';
const COMMON_ENV = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: JWT_SECRET,
  PSEUDONYM_SECRET,
  // The per-token budget guards against runaway clients; a load generator is one on purpose.
  MUTATION_RATE_LIMIT: '1000000000',
  // Likewise the query budget per token and the requests per address: the load comes from one token on loopback.
  QUERY_COST_PER_MINUTE: '1000000000',
  REQUESTS_PER_ADDRESS_PER_MINUTE: '1000000000',
};

export interface Server {
  name: string;
  child: ChildProcess;
  /** http://127.0.0.1:port/graphql */
  url: string;
  /** Resident memory of the process now, in MiB. */
  rssMiB(): Promise<number>;
  stop(): Promise<void>;
}

/** The service, as operators run it, on the SQLite file `databaseFile`; another build of it when given its main.js. */
export function startService(name: string, databaseFile: string, entry = SERVICE_ENTRY): Promise<Server> {
  linkWebApp();
  return startServer(name, entry, { EVENT_STORE_URL: `sqlite:${databaseFile}` });
}

/**
 * The web app as `npm run build` made it (dist/web-app), where the service compiled here looks for
 * it, beside itself (src/web/web-app-files.ts): the browser row opens its pages. Without a build
 * the service answers its pages 404, and the browser row stops the run with what the page showed.
 */
function linkWebApp(): void {
  const built = join(BUILD, '../../dist/web-app');
  const beside = join(BUILD, 'src/web-app');
  if (existsSync(built) && !existsSync(beside)) symlinkSync(built, beside, 'dir');
}

/** A NestJS + Apollo app with the same settings whose mutations do nothing, on Nest's Express adapter (bench/servers/bare-server.ts). */
export function startBareServer(name = 'bare'): Promise<Server> {
  return startServer(name, BARE_ENTRY, {});
}

/** The same bare app on Nest's Fastify adapter, as the service runs: the baseline (bench/servers/bare-fastify-server.ts). */
export function startBareFastifyServer(name = 'bare-fastify'): Promise<Server> {
  return startServer(name, BARE_FASTIFY_ENTRY, {});
}

async function startServer(name: string, entry: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  // BENCH_NODE_OPTIONS, e.g. --cpu-prof --cpu-prof-dir=…, profiles both servers alike.
  const flags = (process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, entry], {
    env: { ...process.env, ...COMMON_ENV, ...env, PORT: String(port) },
    // Drained below: a full pipe would block the server's logging, and so the server.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(String(code ?? signal))));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('GraphQL API at')) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`${name} exited (${code}) before listening:\n${output}`));
    });
  });
  let stopped: Promise<void> | null = null;
  // A server that dies while measured leaves the run with a refused connection only: say why it died.
  void exited.then((code) => stopped === null && console.error(`${name} exited (${code}) while measured; its last output:\n${output}`));
  return {
    name,
    child,
    url: `http://127.0.0.1:${port}/graphql`,
    rssMiB: () => residentMiB(child.pid!),
    stop: () =>
      (stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timeout);
      })()),
  };
}

/** Resident set size of a process, in MiB (ps reports KiB, on Linux and macOS alike). */
async function residentMiB(pid: number): Promise<number> {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'rss=', '-p', String(pid)]);
  const kib = Number(stdout.trim());
  if (!Number.isFinite(kib) || kib <= 0) throw new Error(`No resident size for process ${pid}: '${stdout}'`);
  return kib / 1024;
}
