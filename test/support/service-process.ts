import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from './tokens';
import { freePort } from './free-port';

const DIST = join(__dirname, '../../dist');
const STARTUP_TIMEOUT_MS = 60_000;

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** Everything it printed so far, standard output and error. */
  output(): string;
  /** Resolves once it has printed `text` (on either stream). */
  printed(text: string): Promise<void>;
}

/**
 * The built service (`npm run build`) as its own process, the way operators run it; `entry` is
 * the compiled script, e.g. `cli/demo.js` for `npm run demo`.
 */
export async function startServiceProcess(env: Record<string, string>, entry = 'main.js'): Promise<ServiceProcess> {
  const script = join(DIST, entry);
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first (npm test does)`);
  const port = await freePort();
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_JWT_SECRET, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let startupTimer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (output.includes('GraphQL API at')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`The service exited (${code}) before listening:\n${output}`)));
    // A process that never listens must not outlive the test; one that listens lives as long as its test needs it.
    startupTimer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The service did not listen within ${STARTUP_TIMEOUT_MS / 1_000} s:\n${output}`));
    }, STARTUP_TIMEOUT_MS).unref();
  }).finally(() => clearTimeout(startupTimer));
  const printed = (text: string) =>
    new Promise<void>((resolve) => {
      const check = () => output.includes(text) && resolve();
      check();
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
    });
  return { child, url: `http://127.0.0.1:${port}/graphql`, exited, output: () => output, printed };
}
