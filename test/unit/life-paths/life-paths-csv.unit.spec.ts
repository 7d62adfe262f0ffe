import type { LifePath } from '../../../src/life-paths/anonymise-release';
import { csvOf, parseCsv } from './csv-reader';
import { FINEST } from './records';

const path = (over: Partial<LifePath> = {}): LifePath => ({
  pseudonym: 'a1'.repeat(32),
  ...FINEST,
  outcome: 'POSITIVE',
  steps: [
    { month: 0, kind: 'ENROLLED', detail: null },
    { month: 1, kind: 'ACTIVITY_COMPLETED', detail: 'IT_TRAINING:COMPLETED' },
    { month: 9, kind: 'FOLLOW_UP', detail: '6m:EMPLOYED' },
  ],
  ...over,
});

describe('life paths as CSV', () => {
  it('starts with the header row and gives one row per path', async () => {
    const rows = parseCsv(await csvOf([path(), path({ pseudonym: 'b2'.repeat(32) })]));
    expect(rows[0]).toEqual([
      'pseudonym',
      'city',
      'programme',
      'entry_period',
      'age_band',
      'gender',
      'education_level',
      'sector_group',
      'outcome',
      'steps',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      'a1'.repeat(32),
      'paris',
      'paris-gatp',
      '2007-Q2',
      '55-59',
      'FEMALE',
      'ISCED_5_8',
      'M-N',
      'POSITIVE',
      '0:ENROLLED:|1:ACTIVITY_COMPLETED:IT_TRAINING:COMPLETED|9:FOLLOW_UP:6m:EMPLOYED',
    ]);
  });

  it('writes generalised and missing values as empty fields', async () => {
    const [, row] = parseCsv(
      await csvOf([path({ programme: null, gender: null, sectorGroup: null, outcome: null, steps: [] })]),
    );
    expect(row).toEqual(['a1'.repeat(32), 'paris', '', '2007-Q2', '55-59', '', 'ISCED_5_8', '', '', '']);
  });

  it('quotes fields holding commas, quotes or line breaks, and reads back the same values', async () => {
    const awkward = 'saint-denis, "la plaine"\r\nnord';
    const text = await csvOf([path({ city: awkward, programme: 'a\nb' })]);
    expect(text).toContain('"saint-denis, ""la plaine""\r\nnord"');
    const [, row] = parseCsv(text);
    expect(row?.[1]).toBe(awkward);
    expect(row?.[2]).toBe('a\nb');
  });

  it('an empty release is the header row alone', async () => {
    expect(parseCsv(await csvOf([]))).toHaveLength(1);
  });
});
