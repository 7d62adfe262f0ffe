import type { RebuildListener, RebuildProgress, RebuildResult } from './rebuild-projections';

/** Where the report goes: process.stdout, or a stand-in. */
export interface ReportOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const BAR_WIDTH = 30;
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Tells an operator how a rebuild goes: a progress bar redrawn in place on a terminal; elsewhere
 * (logs, CI) a line at the start, at every tenth of the way and at the end.
 */
export function rebuildProgressReport(output: ReportOutput, now: () => number = Date.now): RebuildListener {
  let startedAt = now();
  let linesPrinted = 0;
  const rate = (events: number): string => `${count.format(events / (Math.max(now() - startedAt, 1) / 1_000))} events/s`;
  const done = (result: RebuildResult): string =>
    `${result.projection}: rebuilt from ${count.format(result.events)} events in ${((now() - startedAt) / 1_000).toFixed(1)} s ` +
    `(${rate(result.events)}), checkpoint ${result.position}\n`;
  return output.isTTY
    ? {
        started: (projection, target) => {
          startedAt = now();
          output.write(`Rebuilding ${projection} up to position ${target}\n`);
        },
        progressed: (progress) => {
          const filled = Math.round((percent(progress) / 100) * BAR_WIDTH);
          const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
          // \r and "erase to end of line": each batch redraws the same line.
          output.write(`\r${progress.projection} ${bar} ${percent(progress)}% ${count.format(progress.applied)} events, ${rate(progress.applied)}\x1b[K`);
        },
        copying: (projection) => output.write(`\r\x1b[K${copying(projection)}`),
        swapping: (projection) => output.write(swapping(projection)),
        finished: (result) => output.write(done(result)),
      }
    : {
        started: (projection, target) => {
          startedAt = now();
          linesPrinted = 0;
          output.write(`Rebuilding ${projection} up to position ${target}\n`);
        },
        progressed: (progress) => {
          const tenths = Math.floor(percent(progress) / 10);
          // The end has a line of its own (finished).
          if (tenths <= linesPrinted || tenths >= 10) return;
          linesPrinted = tenths;
          output.write(`${progress.projection}: ${tenths * 10}% (${count.format(progress.applied)} events, ${rate(progress.applied)})\n`);
        },
        copying: (projection) => output.write(copying(projection)),
        swapping: (projection) => output.write(swapping(projection)),
        finished: (result) => output.write(done(result)),
      };
}

const copying = (projection: string): string => `${projection}: copying the rebuilt tables into the live file, a step at a time\n`;
const swapping = (projection: string): string =>
  `${projection}: swapping them in, under the live file's write lock (the service's writes wait meanwhile)\n`;

/** Share of the positions up to the target covered; positions may have gaps, so it is an estimate. */
function percent({ position, target }: RebuildProgress): number {
  if (target <= 0n || position >= target) return 100;
  return Number((position * 100n) / target);
}
