import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchResults, Row } from '../../bench/results';
import { CI } from '../../bench/sizes';
import { registeredProjections } from '../support/registered-projections';
import { tempDir } from '../support/temp-files';

const ROOT = join(__dirname, '../..');
const run = promisify(execFile);

/** Every row of the table, in order: one per figure the issue asks for, a replay per registered projection. */
const ROWS = [
  'store-1',
  'store-concurrent',
  'http-mutation',
  'http-pipeline',
  'http-bare-fastify',
  ...registeredProjections().map((p) => `replay-${p.name}`),
  'esdb-store-1',
  'esdb-store-concurrent',
  ...registeredProjections().map((p) => `esdb-replay-${p.name}`),
  'catch-up',
  'dashboard-live',
  'dashboard-as-of',
  'dashboard-series',
  'subscription',
  'browser-push',
  'memory',
  'import',
];

const TARGETS: Record<string, Row['target']> = {
  'store-1': { on: 'ratio', atLeast: 0.8 },
  'store-concurrent': { on: 'ratio', atLeast: 0.8 },
  'http-mutation': { on: 'ratio', atLeast: 0.7 },
  'dashboard-live': { on: 'ratio', atMost: 1.5 },
  'dashboard-as-of': { on: 'ratio', atMost: 5 },
  'dashboard-series': { on: 'ratio', atMost: 5 },
  subscription: { on: 'value', atMost: 50 },
  'browser-push': { on: 'excess', atMost: 16.7 },
  memory: { on: 'value', atMost: 1_024 },
  'catch-up': { on: 'ratio', atLeast: 0.9 },
  import: { on: 'ratio', atLeast: 0.5 },
};

/**
 * The harness, not the speed: `npm run bench` at CI size, as a child process, compiled the way the
 * script compiles it. What it measures on a shared CI machine is not looked at, only that every
 * figure was measured beside its baseline and written down whole.
 */
describe('npm run bench at CI size (e2e: the compiled harness, real servers on loopback)', () => {
  const tmp = tempDir('bench-');
  afterAll(() => tmp.remove());

  it('measures every figure beside its baseline and writes results.md and results.json', async () => {
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'bench/tsconfig.json'], { cwd: ROOT });
    await run(process.execPath, ['bench/build/bench/main.js', '--size', 'ci', '--out', tmp.dir, '--work', join(tmp.dir, 'work')], {
      cwd: ROOT,
      timeout: 150_000,
    });

    const results = JSON.parse(readFileSync(join(tmp.dir, 'results.json'), 'utf8')) as BenchResults;
    expect(results.size).toBe('ci');
    expect(results.rows.map((r) => r.id)).toEqual(ROWS);
    for (const r of results.rows) {
      expect([r.id, r.value > 0 && Number.isFinite(r.value)]).toEqual([r.id, true]);
      expect([r.id, r.baseline.value > 0 && Number.isFinite(r.baseline.value)]).toEqual([r.id, true]);
      expect(r.ratio).toBeCloseTo(r.value / r.baseline.value, 10);
      if (r.id.startsWith('replay-')) {
        expect(r.target).toEqual({ on: 'value', atLeast: 100_000 });
        expect(r.detail).toMatch(/^of which the copy into the live file, a step at a time: \d+\.\d s, and the swap, under its write lock: \d+\.\d s$/);
      }
      else expect(r.target).toEqual(TARGETS[r.id] ?? null);
      expect(r.met === null).toBe(r.target === null);
    }

    // The work behind the figures was done in full, at the size asked for.
    const m = results.measurements as any;
    expect(m.fixtures.large.participants).toBe(CI.largeParticipants);
    expect(m.fixtures.small.participants).toBe(CI.smallParticipants);
    expect(m.replay.events).toBeGreaterThanOrEqual(CI.replayEvents);
    expect(m.replay.events).toBe(m.fixtures.replay.events);
    expect(m.dashboards.largeEnrolled).toBeGreaterThan(m.dashboards.smallEnrolled);
    expect(m.subscription.service.samples).toBe(Math.round(CI.subscription.perSecond * CI.subscription.seconds));
    expect(m.subscription.bare.samples).toBe(Math.round(CI.subscription.perSecond * CI.subscription.seconds));
    expect(m.http.service.rounds).toHaveLength(CI.http.rounds);
    expect(m.http.pipeline.rounds).toHaveLength(CI.http.rounds);
    expect(results.notes['http-pipeline']).toEqual(expect.any(String));

    const markdown = readFileSync(join(tmp.dir, 'results.md'), 'utf8');
    const table = markdown.split('\n').filter((line) => line.startsWith('| '));
    expect(table).toHaveLength(2 + ROWS.length);
    for (const r of results.rows) expect(table.some((line) => line.startsWith(`| ${r.title} |`))).toBe(true);
    // A missed target is explained, not only marked.
    for (const r of results.rows.filter((row) => row.met === false)) expect(results.notes[r.id]).toEqual(expect.any(String));
    expect(markdown).toContain('## How each figure is measured');
  }, 240_000);
});
