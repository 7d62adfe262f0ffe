import { importProgressReport } from '../../../src/import/import-progress-report';

describe('import progress report', () => {
  it('off a terminal, writes a line at every tenth of each phase, with rows per second and the time left', () => {
    const clock = { now: 0 };
    const written: string[] = [];
    const report = importProgressReport({ isTTY: false, write: (text) => written.push(text) }, () => clock.now);

    for (const done of [5, 10, 15, 20]) {
      clock.now += 500;
      report.progressed({ phase: 'checking', done, total: 20 });
    }
    for (const done of [1, 2]) {
      clock.now += 1_000;
      report.progressed({ phase: 'recording', done, total: 4 });
    }
    report.finish();

    expect(written).toEqual([
      'checking: 20% (5 of 20 rows, 10 rows/s, 2 s left)\n',
      'checking: 50% (10 of 20 rows, 10 rows/s, 1 s left)\n',
      'checking: 70% (15 of 20 rows, 10 rows/s, 1 s left)\n',
      'checking: 100% (20 of 20 rows, 10 rows/s, 0 s left)\n',
      'recording: 20% (1 of 4 rows, 1 rows/s, 3 s left)\n',
      'recording: 50% (2 of 4 rows, 1 rows/s, 2 s left)\n',
    ]);
  });
});
