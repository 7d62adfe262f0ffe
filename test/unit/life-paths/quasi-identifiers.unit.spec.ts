import {
  SECTOR_GROUPS,
  ageAtEntry,
  entryQuarter,
  entryYear,
  fiveYearAgeBand,
  sectorGroupOf,
  tenYearAgeBand,
  yearOfEntryPeriod,
} from '../../../src/life-paths/quasi-identifiers';

describe('quasi-identifiers: the generalisable values of a life path', () => {
  it('age at entry is the entry year minus the birth year, whatever the day', () => {
    expect(ageAtEntry('2007-01-01', 1952)).toBe(55);
    expect(ageAtEntry('2007-12-31', 1952)).toBe(55);
  });

  it.each([
    [45, '45-49', '40-49'],
    [49, '45-49', '40-49'],
    [50, '50-54', '50-59'],
    [54, '50-54', '50-59'],
    [55, '55-59', '50-59'],
    [59, '55-59', '50-59'],
    [60, '60-64', '60-69'],
  ])('age %i is in the 5-year band %s and the 10-year band %s', (age, five, ten) => {
    expect(fiveYearAgeBand(age)).toBe(five);
    expect(tenYearAgeBand(age)).toBe(ten);
  });

  it.each([
    ['2007-01-01', '2007-Q1'],
    ['2007-03-31', '2007-Q1'],
    ['2007-04-01', '2007-Q2'],
    ['2007-06-30', '2007-Q2'],
    ['2007-07-01', '2007-Q3'],
    ['2007-09-30', '2007-Q3'],
    ['2007-10-01', '2007-Q4'],
    ['2007-12-31', '2007-Q4'],
  ])('an entry on %s is in %s', (date, quarter) => {
    expect(entryQuarter(date)).toBe(quarter);
    expect(entryYear(date)).toBe('2007');
  });

  it('an entry period gives its year at either level', () => {
    expect(yearOfEntryPeriod('2007-Q2')).toBe(2007);
    expect(yearOfEntryPeriod('2008')).toBe(2008);
  });

  it.each([
    ['A', 'A'],
    ['B', 'B-E'],
    ['C', 'B-E'],
    ['D', 'B-E'],
    ['E', 'B-E'],
    ['F', 'F'],
    ['G', 'G-I'],
    ['H', 'G-I'],
    ['I', 'G-I'],
    ['J', 'J'],
    ['K', 'K'],
    ['L', 'L'],
    ['M', 'M-N'],
    ['N', 'M-N'],
    ['O', 'O-Q'],
    ['P', 'O-Q'],
    ['Q', 'O-Q'],
    ['R', 'R-U'],
    ['S', 'R-U'],
    ['T', 'R-U'],
    ['U', 'R-U'],
  ])('NACE section %s is in the A*10 group %s', (section, group) => {
    expect(sectorGroupOf(section)).toBe(group);
  });

  it('the A*10 groups cover each section A to U exactly once', () => {
    const sections = Object.values(SECTOR_GROUPS).flat();
    expect(sections).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
  });

  it('what is not a NACE section has no group rather than leaking through', () => {
    expect(sectorGroupOf('V')).toBeNull();
    expect(sectorGroupOf('m')).toBeNull();
    expect(sectorGroupOf('62.01')).toBeNull();
  });
});
