import { Presets, SingleBar } from 'cli-progress';
import type { ReportOutput } from '../projections/rebuild-progress-report';
import type { ImportProgress } from './journey-import';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Tells the person running `npm run import` how it goes; `finish` before the report is printed. */
export interface ImportProgressReport {
  progressed(progress: ImportProgress): void;
  finish(): void;
}

/**
 * On a terminal (process.stdout is one), a bar per phase (cli-progress) with the rows per second and the time left; elsewhere
 * (logs, CI) a line at every tenth of each phase with the same figures.
 */
export function importProgressReport(output: ReportOutput, now: () => number = Date.now): ImportProgressReport {
  let phase: ImportProgress['phase'] | null = null;
  let startedAt = now();
  let lastAt = startedAt;
  let tenthsPrinted = 0;
  const rate = (done: number): number => done / (Math.max(lastAt - startedAt, 1) / 1_000);
  /** Notes the time of a progress event; answers whether it begins a phase, which runs from the previous one's last event. */
  const started = (next: ImportProgress['phase']): boolean => {
    const previousAt = lastAt;
    lastAt = now();
    if (phase === next) return false;
    phase = next;
    startedAt = previousAt;
    tenthsPrinted = 0;
    return true;
  };

  if (output.isTTY) {
    const bar = new SingleBar(
      { stream: output as NodeJS.WritableStream, format: '{phase} {bar} {percentage}% | {value}/{total} rows | {rate} rows/s | {eta_formatted} left', hideCursor: true },
      Presets.shades_classic,
    );
    return {
      progressed: (progress) => {
        if (started(progress.phase)) {
          bar.stop();
          bar.start(progress.total, 0, { phase: progress.phase.padEnd(9), rate: '0' });
        }
        bar.update(progress.done, { rate: count.format(rate(progress.done)) });
      },
      finish: () => bar.stop(),
    };
  }
  return {
    progressed: ({ phase: next, done, total }) => {
      started(next);
      const tenths = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (tenths <= tenthsPrinted) return;
      tenthsPrinted = tenths;
      const perSecond = rate(done);
      const left = perSecond > 0 ? Math.ceil((total - done) / perSecond) : 0;
      output.write(`${next}: ${tenths * 10}% (${count.format(done)} of ${count.format(total)} rows, ${count.format(perSecond)} rows/s, ${left} s left)\n`);
    },
    finish: () => undefined,
  };
}
