import { copyProgress } from '../../../src/backup/copy-progress';

describe('copyProgress away from a terminal (unit)', () => {
  it('writes a line at every tenth of the way and one at the end, never the same tenth twice', () => {
    const lines: string[] = [];
    const progress = copyProgress({ isTTY: false, write: (text) => lines.push(text) }, 'Copying events (data/journeys.db)');
    for (const copied of [0, 1_300, 2_000, 2_500, 9_000, 12_000]) progress.progressed(copied, 12_345);
    progress.finished();
    expect(lines).toEqual([
      'Copying events (data/journeys.db): 10% (1,300 of 12,345 pages)\n',
      'Copying events (data/journeys.db): 20% (2,500 of 12,345 pages)\n',
      'Copying events (data/journeys.db): 70% (9,000 of 12,345 pages)\n',
      'Copying events (data/journeys.db): 90% (12,000 of 12,345 pages)\n',
      'Copying events (data/journeys.db): copied\n',
    ]);
  });
});
