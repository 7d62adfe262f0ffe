import { Format, SingleBar } from 'cli-progress';

/** Where progress goes: process.stdout, or a stand-in. */
export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Follows the copy of one file, in SQLite pages. */
export interface CopyProgress {
  progressed(copied: number, total: number): void;
  finished(): void;
}

const count = new Intl.NumberFormat('en-US');

/**
 * Tells an operator how the copy of `what` goes: a bar with the rate and the time left, redrawn
 * in place, on a terminal; elsewhere (logs, cron mail) a line at every tenth of the way.
 */
export function copyProgress(output: ProgressOutput, what: string): CopyProgress {
  if (output.isTTY) {
    const bar = new SingleBar({
      format: `${what} {bar} {percentage}% | {value}/{total} pages | ETA {eta_formatted}`,
      stream: output as NodeJS.WritableStream,
      hideCursor: true,
      formatValue: (value, options, type) => (type === 'value' || type === 'total' ? count.format(value) : Format.ValueFormat(value, options, type)),
    });
    let pages: number | null = null;
    return {
      progressed: (copied, total) => {
        if (pages === null) bar.start(total, copied);
        pages = total;
        bar.setTotal(total);
        bar.update(copied);
      },
      finished: () => {
        // SQLite reports no progress after its last step: the bar is filled here.
        if (pages !== null) {
          bar.update(pages);
          bar.stop();
        }
        output.write(`${what}: copied\n`);
      },
    };
  }
  let tenthsPrinted = 0;
  return {
    progressed: (copied, total) => {
      const tenths = total > 0 ? Math.floor((copied * 10) / total) : 10;
      // The end has a line of its own.
      if (tenths <= tenthsPrinted || tenths >= 10) return;
      tenthsPrinted = tenths;
      output.write(`${what}: ${tenths * 10}% (${count.format(copied)} of ${count.format(total)} pages)\n`);
    },
    finished: () => output.write(`${what}: copied\n`),
  };
}
