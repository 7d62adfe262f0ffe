import { anonymiseRelease } from '../../../src/life-paths/anonymise-release';
import { filterRelease } from '../../../src/life-paths/release-filter';
import { aRecord, alike } from './records';

const release = (records: ReturnType<typeof aRecord>[], k: number) =>
  anonymiseRelease(records, { k, pseudonymSecret: 'secret', releasedAsOf: '2026-10-31' }).paths;

describe('filtering the release on its released values', () => {
  const paths = release(
    [
      ...alike(2, { city: 'paris', entryDate: '2007-02-01', outcome: 'POSITIVE' }),
      ...alike(2, { city: 'paris', entryDate: '2008-05-01', outcome: null }),
      ...alike(2, { city: 'frankfurt', programme: 'frankfurt-kompass', entryDate: '2007-08-01', outcome: 'NEGATIVE' }),
    ],
    2,
  );

  it('with no filter, or only null fields, answers the whole release', () => {
    expect(filterRelease(paths)).toEqual(paths);
    expect(filterRelease(paths, { city: null, programme: null, outcome: null, entryYear: null })).toEqual(paths);
  });

  it('selects by city, programme, outcome and entry year, together', () => {
    expect(filterRelease(paths, { city: 'paris' })).toHaveLength(4);
    expect(filterRelease(paths, { programme: 'frankfurt-kompass' })).toHaveLength(2);
    expect(filterRelease(paths, { outcome: 'POSITIVE' })).toHaveLength(2);
    expect(filterRelease(paths, { entryYear: 2007 })).toHaveLength(4);
    expect(filterRelease(paths, { city: 'paris', entryYear: 2008 })).toEqual(
      paths.filter((p) => p.city === 'paris' && p.entryPeriod.startsWith('2008')),
    );
  });

  it('an active path has no outcome and matches no outcome filter', () => {
    expect(filterRelease(paths, { entryYear: 2008, outcome: 'NEGATIVE' })).toEqual([]);
  });

  it('matches an entry year on a quarter as well as on a generalised year', () => {
    expect(paths.every((p) => /^\d{4}-Q\d$/.test(p.entryPeriod))).toBe(true);
    const generalised = release(
      [aRecord({ entryDate: '2007-02-01' }), aRecord({ entryDate: '2007-11-01' })],
      2,
    );
    expect(generalised.map((p) => p.entryPeriod)).toEqual(['2007', '2007']);
    expect(filterRelease(generalised, { entryYear: 2007 })).toHaveLength(2);
    expect(filterRelease(generalised, { entryYear: 2008 })).toHaveLength(0);
  });

  it('a path whose programme was generalised away does not match a programme filter', () => {
    const generalised = release([aRecord({ programme: 'paris-gatp' }), aRecord({ programme: 'paris-rmi' })], 2);
    expect(generalised.map((p) => p.programme)).toEqual([null, null]);
    expect(filterRelease(generalised, { programme: 'paris-gatp' })).toEqual([]);
    expect(filterRelease(generalised, { city: 'paris' })).toHaveLength(2);
  });
});
