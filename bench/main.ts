// npm run bench [-- --size full|ci] [--out DIR] [--work DIR]: every speed target of docs/operations.md, each beside
// its baseline from the same run, written to DIR/results.md and DIR/results.json (bench/ by default).
import { join } from 'node:path';
import { runBench } from './harness';
import { SIZES } from './sizes';

/** bench/, from bench/build/bench/main.js. */
const BENCH_DIR = join(__dirname, '../..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  const sizeName = option('size', 'full');
  const size = SIZES[sizeName];
  if (!size) throw new Error(`Unknown size '${sizeName}': ${Object.keys(SIZES).join(' or ')}`);
  const outDir = option('out', BENCH_DIR);
  const workDir = option('work', join(BENCH_DIR, 'work'));
  const started = Date.now();
  const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1_000).toFixed(0).padStart(4)} s] ${line}`);
  const results = await runBench({ size, outDir, workDir, log });
  log(`written ${join(outDir, 'results.md')} and results.json`);
  for (const r of results.rows) {
    const met = r.met === null ? '' : r.met ? ' (target met)' : ' (target MISSED)';
    log(`${r.title}: ${r.value.toFixed(2)} ${r.unit}, ratio ${r.ratio.toFixed(2)}${met}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
