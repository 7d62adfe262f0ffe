/**
 * The life-paths release's memory for N participants, the records read from SQLite as the reader
 * reads them: `--mode array` decodes them all first (`.all()`, as the reader did before issue 16),
 * `--mode stream` passes over them with `iterate()` as it does now (the search decoding only the
 * quasi-identifiers). Each mode runs in a process of its own, so that the peak resident size
 * (maxRSS) it prints is that mode's alone:
 *   nice -n 19 npx tsc -p bench/tsconfig.json
 *   nice -n 19 node bench/build/bench/life-paths-memory.js --records 200000 --mode array
 *   nice -n 19 node bench/build/bench/life-paths-memory.js --records 200000 --mode stream
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { anonymiseRelease } from '../src/life-paths/anonymise-release';
import { leastLossNode } from '../src/life-paths/lattice-search';
import type { FoldedLifePath, LifePathRecord } from '../src/life-paths/life-path-record';
import { lifePathHeadOf, lifePathOf, lifePathText } from '../src/read-side/life-paths/life-path-text';

const { values } = parseArgs({ options: { records: { type: 'string', default: '200000' }, mode: { type: 'string', default: 'stream' } } });
const count = Number(values.records);
const mode = values.mode;
if (mode !== 'array' && mode !== 'stream') throw new Error(`--mode array or stream, not ${mode}`);

/** A participant of five cities, spread like the national roll-out's fixtures: a dozen steps each. */
function recordOf(i: number): FoldedLifePath {
  const city = ['paris', 'frankfurt', 'milan', 'madrid', 'warsaw'][i % 5]!;
  return {
    participantId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    city,
    programme: `${city}-${['a', 'b', 'c'][i % 3]}`,
    entryDate: `${2005 + (i % 4)}-${String(1 + (i % 12)).padStart(2, '0')}-15`,
    birthYear: 1950 + (i % 40),
    gender: i % 2 === 0 ? 'FEMALE' : 'MALE',
    educationLevel: (['ISCED_0_2', 'ISCED_3_4', 'ISCED_5_8'] as const)[i % 3]!,
    lastSector: ['A', 'C', 'F', 'M', 'N'][i % 5]!,
    outcome: null,
    steps: Array.from({ length: 12 }, (_, s) => ({ seq: s, on: '2007-01-01', month: s, kind: 'COACHING_SESSION', detail: 'IN_PERSON' })),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'life-paths-memory-'));
try {
  const db = new Database(join(dir, 'records.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE life_paths (participant_id TEXT PRIMARY KEY, record TEXT NOT NULL)');
  const insert = db.prepare<[string, string]>('INSERT INTO life_paths VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(recordOf(i).participantId, lifePathText(recordOf(i)));
  })();
  const select = db.prepare<[], string>('SELECT record FROM life_paths ORDER BY participant_id').pluck();
  const streamed = (decode: (text: string) => LifePathRecord): Iterable<LifePathRecord> => ({
    *[Symbol.iterator]() {
      for (const text of select.iterate()) yield decode(text);
    },
  });

  const started = process.hrtime.bigint();
  const options = { k: 5, pseudonymSecret: 'bench', releasedAsOf: '2026-10-31' } as const;
  const release =
    mode === 'array'
      ? ((records) => anonymiseRelease(records, options, leastLossNode(records, options.k)))(select.all().map(lifePathOf))
      : anonymiseRelease(streamed(lifePathOf), options, leastLossNode(streamed(lifePathHeadOf), options.k));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { heapUsed } = process.memoryUsage();
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ mode, records: count, released: release.paths.length, seconds, heapUsedMiB: heapUsed / 2 ** 20, maxRssMiB }));
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
