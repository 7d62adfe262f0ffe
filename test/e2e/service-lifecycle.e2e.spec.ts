import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { startServiceProcess } from '../support/service-process';
import { tempDir } from '../support/temp-files';
import { TEST_JWT_SECRET } from '../support/tokens';

const MAIN = join(__dirname, '../../dist/main.js');

/** Runs the built service to its end; answers its exit code and everything it printed. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_JWT_SECRET, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('starting and stopping the service (e2e, the built service as a child process)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('stops with one clear message and a non-zero exit code when its port is taken, before saying it started', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const { port } = taken.address() as { port: number };
    try {
      const run = await runToExit({ PORT: String(port), EVENT_STORE_URL: `sqlite:${tmp.file('busy.db')}` });

      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`Port ${port} is already in use; set PORT to a free one`);
      expect(run.stdout).not.toMatch(/successfully started|GraphQL API at/);
    } finally {
      taken.close();
    }
  });

  it('logs one line when a stop begins and one when it is done, then exits 0', async () => {
    const service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${tmp.file('stop.db')}` });
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);

    const messages = service
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { msg: string }).msg);
    const started = messages.findIndex((m) => m.startsWith('GraphQL API at'));
    expect(messages.slice(started + 1)).toEqual(['SIGTERM: stopping, once the requests in flight are answered', 'Stopped']);
  });
});
