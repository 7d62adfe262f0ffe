import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from './tokens';

/** How a command line ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `npm run backup` (`backup.js`) or `npm run restore` (`restore.js`), built, as an operator runs
 * it: its own process, settings from the environment. Resolves with its exit code and output.
 */
export function runStoreCli(script: 'backup.js' | 'restore.js', args: string[], env: Record<string, string>): Promise<CliRun> {
  const cli = join(__dirname, '../../dist/cli', script);
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does)`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      // The settings the service runs with: a stray KEY_VAULT_FILE or EVENT_STORE_URL of the shell must not leak in.
      { env: { PATH: process.env.PATH, NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_JWT_SECRET, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
