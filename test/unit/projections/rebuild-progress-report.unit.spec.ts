import { rebuildProgressReport } from '../../../src/projections/rebuild-progress-report';

/** A clock the test moves by hand, and an output that keeps what is written. */
function setUp(isTTY: boolean) {
  const clock = { now: 0 };
  const written: string[] = [];
  const report = rebuildProgressReport({ isTTY, write: (text) => written.push(text) }, () => clock.now);
  return { clock, written, report };
}

describe('rebuild progress report', () => {
  it('off a terminal, writes a line at the start, at every tenth of the way, and at the end, with events per second', () => {
    const { clock, written, report } = setUp(false);

    report.started('outcomes', 1_000n);
    for (const position of [50n, 120n, 180n, 350n, 990n]) {
      clock.now += 500;
      report.progressed({ projection: 'outcomes', applied: Number(position), position, target: 1_000n });
    }
    report.copying('outcomes');
    report.swapping('outcomes');
    clock.now += 500;
    report.finished({ projection: 'outcomes', events: 1_010, position: 1_010n });

    expect(written).toEqual([
      'Rebuilding outcomes up to position 1000\n',
      'outcomes: 10% (120 events, 120 events/s)\n',
      'outcomes: 30% (350 events, 175 events/s)\n',
      'outcomes: 90% (990 events, 396 events/s)\n',
      'outcomes: copying the rebuilt tables into the live file, a step at a time\n',
      "outcomes: swapping them in, under the live file's write lock (the service's writes wait meanwhile)\n",
      'outcomes: rebuilt from 1,010 events in 3.0 s (337 events/s), checkpoint 1010\n',
    ]);
  });

  it('starts its tenths again for the next projection', () => {
    const { clock, written, report } = setUp(false);

    for (const projection of ['case-files', 'outcomes']) {
      report.started(projection, 10n);
      clock.now += 1_000;
      report.progressed({ projection, applied: 5, position: 5n, target: 10n });
    }

    expect(written.filter((line) => line.includes('50%'))).toEqual([
      'case-files: 50% (5 events, 5 events/s)\n',
      'outcomes: 50% (5 events, 5 events/s)\n',
    ]);
  });

  it('on a terminal, redraws one line with a bar, then ends it with the copy, the swap and the summary', () => {
    const { clock, written, report } = setUp(true);

    report.started('case-files', 200n);
    clock.now += 1_000;
    report.progressed({ projection: 'case-files', applied: 100, position: 100n, target: 200n });
    report.copying('case-files');
    report.swapping('case-files');
    clock.now += 1_000;
    report.finished({ projection: 'case-files', events: 200, position: 200n });

    expect(written).toEqual([
      'Rebuilding case-files up to position 200\n',
      `\rcase-files ${'█'.repeat(15)}${'░'.repeat(15)} 50% 100 events, 100 events/s\x1b[K`,
      '\r\x1b[Kcase-files: copying the rebuilt tables into the live file, a step at a time\n',
      "case-files: swapping them in, under the live file's write lock (the service's writes wait meanwhile)\n",
      'case-files: rebuilt from 200 events in 2.0 s (100 events/s), checkpoint 200\n',
    ]);
  });

  it('counts an empty log as done', () => {
    const { written, report } = setUp(false);

    report.started('outcomes', 0n);
    report.finished({ projection: 'outcomes', events: 0, position: 0n });

    expect(written).toEqual(['Rebuilding outcomes up to position 0\n', 'outcomes: rebuilt from 0 events in 0.0 s (0 events/s), checkpoint 0\n']);
  });
});
