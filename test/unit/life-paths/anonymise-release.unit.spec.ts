import { createHmac } from 'node:crypto';
import { type ReleasedQuasiIdentifiers, anonymiseRelease } from '../../../src/life-paths/anonymise-release';
import type { LifePathRecord } from '../../../src/life-paths/life-path-record';
import { FINEST, aRecord, alike } from './records';

const SECRET = 'deployment-secret';
const AS_OF = '2026-10-31';
const release = (records: LifePathRecord[], k: number, pseudonymSecret = SECRET, releasedAsOf = AS_OF) =>
  anonymiseRelease(records, { k, pseudonymSecret, releasedAsOf });
const qiColumns = (p: ReleasedQuasiIdentifiers): ReleasedQuasiIdentifiers => ({
  city: p.city,
  programme: p.programme,
  entryPeriod: p.entryPeriod,
  ageBand: p.ageBand,
  gender: p.gender,
  educationLevel: p.educationLevel,
  sectorGroup: p.sectorGroup,
});

describe('anonymised release of life paths', () => {
  it('given a population already k-anonymous, releases it unchanged, at the finest level', () => {
    const records = [...alike(3), ...alike(3, { city: 'frankfurt', programme: 'frankfurt-kompass' })];
    const { paths, suppressedCount, k, loss, levels, programmeKeptShare } = release(records, 3);
    expect(k).toBe(3);
    expect(suppressedCount).toBe(0);
    expect(loss).toBe(0);
    expect(programmeKeptShare).toBe(1);
    expect(levels).toEqual({
      programme: 'KEPT',
      educationLevel: 'KEPT',
      gender: 'KEPT',
      sectorGroup: 'GROUP',
      entryPeriod: 'QUARTER',
      ageBand: 'FIVE_YEARS',
    });
    expect(paths).toHaveLength(6);
    expect(paths.filter((p) => p.city === 'paris').map(qiColumns)).toEqual(Array(3).fill(FINEST));
    expect(paths[0]).toMatchObject({ outcome: 'POSITIVE', steps: records[0]!.steps });
  });

  it('given classes split only by 5-year age bands, widens ages to 10 years and nothing else, for every path', () => {
    // Three aged 55 form a class of their own; the one aged 52 needs them to reach k = 2.
    const records = [...alike(3, { birthYear: 1952 }), aRecord({ birthYear: 1955 })];
    const { paths, suppressedCount, levels, loss } = release(records, 2);
    expect(suppressedCount).toBe(0);
    expect(paths.map(qiColumns)).toEqual(Array(4).fill({ ...FINEST, ageBand: '50-59' }));
    // Both 5-year bands in one: a loss of 1 on one quasi-identifier of six, for every record.
    expect(loss).toBeCloseTo(1 / 6, 12);
    expect(levels.ageBand).toBe('TEN_YEARS');
  });

  it('chooses the least loss over the whole lattice, not a fixed order: a class split by sector group and quarter loses only the quarter', () => {
    const records = [
      aRecord({ lastSector: 'M', entryDate: '2007-05-14' }),
      aRecord({ lastSector: 'M', entryDate: '2007-11-02' }),
      aRecord({ lastSector: 'C', entryDate: '2007-05-14' }),
      aRecord({ lastSector: 'C', entryDate: '2007-11-02' }),
    ];
    // Dropping the sector group or the quarter lose as much; the tie keeps the sector group (earlier in DIMENSIONS).
    const { paths, loss } = release(records, 2);
    expect(paths.map(qiColumns)).toEqual(
      expect.arrayContaining([
        { ...FINEST, entryPeriod: '2007', sectorGroup: 'M-N' },
        { ...FINEST, entryPeriod: '2007', sectorGroup: 'B-E' },
      ]),
    );
    expect(loss).toBeCloseTo(1 / 6, 12);
  });

  it('drops sector group, gender and programme rather than suppress beyond 5%, and generalises nothing else', () => {
    const records = [
      aRecord({ gender: 'FEMALE', programme: 'paris-gatp', lastSector: 'C' }),
      aRecord({ gender: 'MALE', programme: 'paris-rmi', lastSector: 'K' }),
    ];
    const { paths, suppressedCount } = release(records, 2);
    expect(suppressedCount).toBe(0);
    expect(paths.map(qiColumns)).toEqual(
      Array(2).fill({
        ...FINEST,
        sectorGroup: null,
        gender: null,
        programme: null,
      }),
    );
  });

  it('when no node keeps suppression within 5%, suppresses as few as it can, then loses as little as it can', () => {
    const records = [...alike(2, { programme: 'paris-rmi' }), ...alike(1), aRecord({ city: 'stockholm' })];
    const { paths, suppressedCount, programmeKeptShare } = release(records, 3);
    expect(suppressedCount).toBe(1);
    expect(paths).toHaveLength(3);
    expect(paths.map(qiColumns)).toEqual(Array(3).fill({ ...FINEST, programme: null }));
    expect(programmeKeptShare).toBe(0);
  });

  it('given fewer than k records, suppresses them all and answers no paths, not an error', () => {
    expect(release(alike(4), 5)).toMatchObject({ paths: [], suppressedCount: 4, k: 5, loss: 1, programmeKeptShare: 0 });
  });

  it('counts the suppressed paths of each city, for a coordinator to be told of their own only', () => {
    const records = [...alike(3), aRecord({ city: 'frankfurt', programme: 'frankfurt-kompass' }), ...alike(2, { city: 'stockholm', programme: 'stockholm-test-group' })];
    expect(release(records, 3)).toMatchObject({ suppressedCount: 3, suppressedByCity: { frankfurt: 1, stockholm: 2 } });
  });

  it('given every record in a different city, suppresses them all', () => {
    const records = ['paris', 'frankfurt', 'stockholm'].map((city) => aRecord({ city }));
    expect(release(records, 2)).toMatchObject({ paths: [], suppressedCount: 3, k: 2 });
  });

  it('given no records, answers an empty release', () => {
    expect(release([], 5)).toMatchObject({ paths: [], suppressedCount: 0, k: 5, loss: 0, releasedAsOf: AS_OF });
  });

  it('with k = 1, releases every record at the finest level', () => {
    const records = [
      aRecord({ city: 'paris', birthYear: 1950, entryDate: '2007-02-01', lastSector: 'A', gender: 'MALE' }),
      aRecord({ city: 'stockholm', programme: 'stockholm-test-group', educationLevel: 'ISCED_3_4' }),
    ];
    const { paths, suppressedCount } = release(records, 1);
    expect(suppressedCount).toBe(0);
    expect(paths.map(qiColumns)).toEqual(
      expect.arrayContaining([
        { ...FINEST, ageBand: '55-59', entryPeriod: '2007-Q1', sectorGroup: 'A', gender: 'MALE' },
        { ...FINEST, city: 'stockholm', programme: 'stockholm-test-group', educationLevel: 'ISCED_3_4' },
      ]),
    );
  });

  it('refuses a k that is not a positive integer', () => {
    expect(() => release(alike(2), 0)).toThrow(RangeError);
    expect(() => release(alike(2), 2.5)).toThrow(RangeError);
  });

  describe('pseudonyms', () => {
    const records = alike(3);

    it("are the HMAC-SHA256 of the participant id under the snapshot's key (the HMAC of its date under the secret), in hex, never the id", () => {
      const { paths } = release(records, 1);
      const key = createHmac('sha256', SECRET).update(`life-paths snapshot ${AS_OF}`).digest();
      const expected = records.map((r) => createHmac('sha256', key).update(r.participantId).digest('hex'));
      expect(paths.map((p) => p.pseudonym).sort()).toEqual([...expected].sort());
      for (const p of paths) expect(p.pseudonym).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(paths)).not.toContain(records[0]!.participantId);
    });

    it('are stable with the same secret and snapshot, and differ with another secret or another snapshot', () => {
      const once = release(records, 1).paths.map((p) => p.pseudonym);
      expect(release([...records].reverse(), 1).paths.map((p) => p.pseudonym)).toEqual(once);
      const other = release(records, 1, 'another-secret').paths.map((p) => p.pseudonym);
      expect(other.some((p) => once.includes(p))).toBe(false);
      const nextMonth = release(records, 1, SECRET, '2026-11-30').paths.map((p) => p.pseudonym);
      expect(nextMonth.some((p) => once.includes(p))).toBe(false);
    });

    it('order the paths, whatever the order of the records', () => {
      const pseudonyms = release(records, 1).paths.map((p) => p.pseudonym);
      expect(pseudonyms).toEqual([...pseudonyms].sort());
    });

    it('cannot be made with an empty secret', () => {
      expect(() => release(records, 1, '')).toThrow(/secret/);
    });
  });
});
