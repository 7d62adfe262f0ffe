import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { newRebuildSideFile } from '../../src/storage/rebuild-side-files';
import { startServiceProcess } from '../support/service-process';
import { tempDir } from '../support/temp-files';

const SIDE_FILES = join(__dirname, '../../dist/storage/rebuild-side-files.js');

/**
 * A process that opens a rebuild's side file as a rebuild does (the built code), writes its
 * first table and keeps the file open, as a rebuild does until its swap: a stand-in for
 * `npm run projections:rebuild` paused at a known point, which a real rebuild is not.
 */
async function rebuildHolding(file: string): Promise<ChildProcess> {
  const script = `
    const aside = require(${JSON.stringify(SIDE_FILES)}).openRebuildSideFile(${JSON.stringify(file)});
    aside.exec('CREATE TABLE case_files (id TEXT PRIMARY KEY)');
    aside.prepare('INSERT INTO case_files VALUES (?)').run('a');
    console.log('holding');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve());
    child.on('exit', (code) => reject(new Error(`The rebuild stand-in exited (${code})`)));
  });
  return child;
}

describe('side files of rebuilds at start (e2e, the built service as a child process)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('removes a killed rebuild’s side file and its companions, keeps a running rebuild’s, and says so in one line', async () => {
    const database = tmp.file('journeys.db');
    const killedFile = newRebuildSideFile(database, 'outcomes');
    const runningFile = newRebuildSideFile(database, 'case-files');
    const killed = await rebuildHolding(killedFile);
    const running = await rebuildHolding(runningFile);
    killed.kill('SIGKILL');
    await new Promise((resolve) => killed.once('exit', resolve));
    expect(existsSync(`${killedFile}-wal`)).toBe(true);

    const service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${database}` });
    try {
      expect(readdirSync(tmp.dir).filter((name) => name.includes('.rebuild-')).sort()).toEqual(
        [runningFile, `${runningFile}-shm`, `${runningFile}-wal`].map((file) => file.slice(tmp.dir.length + 1)).sort(),
      );
      const lines = service.output().split('\n').filter((line) => line.includes('.rebuild-'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, context: 'Storage', msg: expect.stringContaining(killedFile) });
      expect(lines[0]).toContain(`kept 1 of a rebuild still running [${runningFile}]`);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
      running.kill('SIGKILL');
    }
  });
});
