import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchResults, machine, row, writeResults } from '../../../bench/results';

const measured = row({
  id: 'store-1',
  title: 'Store: single-event appends',
  value: 900,
  unit: 'appends/s',
  baseline: { title: 'raw better-sqlite3', value: 1_000, unit: 'appends/s' },
  target: { on: 'ratio', atLeast: 0.8 },
});

const results = (extra: Partial<BenchResults>): BenchResults => ({
  size: 'national',
  startedAt: '2026-11-29T15:00:00.000Z',
  seconds: 60,
  machine: machine(),
  rows: [measured],
  notes: {},
  method: ['Store: the adapter beside raw better-sqlite3.'],
  measurements: {},
  ...extra,
});

describe('bench results written while a run goes on', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bench-results-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a run stopped during a phase, when its results are written, then the table keeps the rows measured before and says where it stopped', () => {
    writeResults(dir, results({ unfinished: 'catch-up: the service starting on 1,000,000 participants' }));

    const markdown = readFileSync(join(dir, 'results.md'), 'utf8');
    expect(markdown).toContain('**This run did not finish.** It stopped while measuring: catch-up: the service starting on 1,000,000 participants.');
    expect(markdown).toContain('| Store: single-event appends | 900 appends/s | raw better-sqlite3: 1,000 appends/s | 0.90 | ratio ≥ 0.8 | yes |');
    const json = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as BenchResults;
    expect(json.unfinished).toBe('catch-up: the service starting on 1,000,000 participants');
    expect(json.rows).toEqual([measured]);
  });

  it('given a whole run, when its results are written, then nothing says it is unfinished', () => {
    writeResults(dir, results({}));

    expect(readFileSync(join(dir, 'results.md'), 'utf8')).not.toContain('did not finish');
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))).not.toHaveProperty('unfinished');
  });
});
