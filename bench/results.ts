import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** What a figure must reach: its ratio to the baseline, its own value, or its excess over the baseline (same unit). */
export type Target =
  | { on: 'ratio'; atLeast: number }
  | { on: 'ratio'; atMost: number }
  | { on: 'value'; atLeast: number }
  | { on: 'value'; atMost: number }
  | { on: 'excess'; atMost: number };

/** One line of the table: a figure measured in this run beside a baseline measured in the same run. */
export interface Row {
  id: string;
  title: string;
  value: number;
  unit: string;
  /** Further figures of the same measurement, e.g. latency percentiles. */
  detail?: string;
  baseline: { title: string; value: number; unit: string; detail?: string };
  /** value / baseline.value. */
  ratio: number;
  target: Target | null;
  /** Null when the row has no target. */
  met: boolean | null;
}

export interface BenchResults {
  size: string;
  startedAt: string;
  seconds: number;
  machine: { cpus: number; cpu: string; memoryGiB: number; node: string; platform: string };
  rows: Row[];
  /** Why a target is missed, and other remarks, by row id. */
  notes: Record<string, string>;
  /** How the figures are measured. */
  method: string[];
  /** Everything measured, as measured: rounds, percentiles, sample counts, fixture sizes. */
  measurements: Record<string, unknown>;
  /** Set while the run goes on: what it was measuring when these results were written. */
  unfinished?: string;
}

/** Writes results.md and results.json into `outDir`. */
export function writeResults(outDir: string, results: BenchResults): void {
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(outDir, 'results.md'), renderMarkdown(results));
}

export function row(
  fields: Omit<Row, 'ratio' | 'met' | 'target'> & { target?: Target | null },
): Row {
  const ratio = fields.value / fields.baseline.value;
  const target = fields.target ?? null;
  return { ...fields, ratio, target, met: target === null ? null : meets(target, measuredFor(target, fields.value, fields.baseline.value, ratio)) };
}

/** What a target bounds: the ratio, the value, or the value's excess over the baseline. */
function measuredFor(target: Target, value: number, baseline: number, ratio: number): number {
  if (target.on === 'ratio') return ratio;
  return target.on === 'excess' ? value - baseline : value;
}

function meets(target: Target, x: number): boolean {
  if (!Number.isFinite(x)) return false;
  return 'atLeast' in target ? x >= target.atLeast : x <= target.atMost;
}

export function machine(): BenchResults['machine'] {
  const list = cpus();
  return {
    cpus: list.length,
    cpu: list[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

const number = (x: number, digits = 0): string =>
  Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—';

/** A figure as it reads in the table: integers for rates, a decimal for small values. */
export function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${number(value, digits)} ${unit}`;
}

function formatTarget(target: Target | null): string {
  if (target === null) return '—';
  const sign = 'atLeast' in target ? '≥' : '≤';
  const bound = 'atLeast' in target ? target.atLeast : target.atMost;
  if (target.on === 'excess') return `${sign} baseline + ${bound}`;
  return target.on === 'ratio' ? `ratio ${sign} ${bound}` : `${sign} ${number(bound)}`;
}

export function renderMarkdown(results: BenchResults): string {
  const { machine: m } = results;
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (size \`${results.size}\`) on ${results.startedAt}, in ${number(results.seconds)} s: ` +
      `${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB, Node.js ${m.node}, ${m.platform}. Each figure is measured beside its ` +
      'baseline in the same run, on the same machine, and is read as their ratio (docs/operations.md); the JSON beside this ' +
      'file has the same rows.',
    '',
    ...(results.unfinished === undefined
      ? []
      : [
          `**This run did not finish.** It stopped while measuring: ${results.unfinished}. The rows below are those measured before; ` +
            'what bounds each figure is written at the end of a whole run.',
          '',
        ]),
    '| Figure | Measured | Baseline (same run) | Ratio | Target | Met |',
    '| --- | --- | --- | --- | --- | --- |',
    ...results.rows.map((r) => {
      const measured = `${formatValue(r.value, r.unit)}${r.detail ? ` (${r.detail})` : ''}`;
      const baseline = `${r.baseline.title}: ${formatValue(r.baseline.value, r.baseline.unit)}${r.baseline.detail ? ` (${r.baseline.detail})` : ''}`;
      const met = r.met === null ? '—' : r.met ? 'yes' : '**no**';
      return `| ${r.title} | ${measured} | ${baseline} | ${number(r.ratio, 2)} | ${formatTarget(r.target)} | ${met} |`;
    }),
    '',
  ];
  const missed = results.rows.filter((r) => r.met === false).map((r) => r.title);
  lines.push(
    missed.length === 0
      ? 'Every target is met.'
      : `Targets met: ${results.rows.filter((r) => r.met).length} of ${results.rows.filter((r) => r.met !== null).length}. Missed: ${missed.join('; ')}.`,
    '',
  );
  const notes = results.rows.filter((r) => results.notes[r.id]);
  if (notes.length > 0) {
    lines.push('## What bounds the figures', '');
    for (const r of notes) lines.push(`- **${r.title}**: ${results.notes[r.id]}`, '');
  }
  lines.push('## How each figure is measured', '', ...results.method.map((m) => `- ${m}`), '');
  return lines.join('\n');
}
