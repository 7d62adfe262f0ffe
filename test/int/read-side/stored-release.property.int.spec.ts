import fc from 'fast-check';
import { anonymiseRelease, type LifePath } from '../../../src/life-paths/anonymise-release';
import type { LifePathRecord } from '../../../src/life-paths/life-path-record';
import type { LifePathFilter } from '../../../src/life-paths/release-filter';
import { openingOf } from '../../../src/read-side/life-paths/common-sequences';
import { ReleaseTables } from '../../../src/read-side/life-paths/release-tables';
import { StoredRelease } from '../../../src/read-side/life-paths/stored-release';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { allPaths } from '../../support/stored-release-paths';
import { tempDir } from '../../support/temp-files';
import { aRecord } from '../../unit/life-paths/records';
import { countTurns } from '../../support/event-loop-turns';

const oneOf = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** Few values each, so that classes are of every size: some kept whole, some generalised, some suppressed. */
const record: fc.Arbitrary<LifePathRecord> = fc
  .record({
    city: oneOf(['paris', 'frankfurt']),
    programme: oneOf(['paris-gatp', 'paris-rmi', 'frankfurt-kompass']),
    entryDate: oneOf(['2007-02-01', '2007-11-01', '2008-05-01']),
    birthYear: oneOf([1951, 1956]),
    outcome: oneOf(['POSITIVE', 'NEGATIVE', null] as const),
    steps: fc.array(
      fc.record({ month: fc.integer({ min: 0, max: 12 }), kind: oneOf(['ENROLLED', 'COACHING_SESSION', 'JOB_STARTED', 'EXITED']), detail: fc.constant(null) }),
      { maxLength: 8 },
    ),
  })
  .map((over) => aRecord(over as Partial<LifePathRecord>));

const filter: fc.Arbitrary<LifePathFilter> = fc.record({
  city: fc.option(oneOf(['paris', 'frankfurt', 'stockholm'])),
  programme: fc.option(oneOf(['paris-gatp', 'paris-rmi', 'frankfurt-kompass'])),
  outcome: fc.option(oneOf(['POSITIVE', 'NEGATIVE', 'NEUTRAL'] as const)),
  entryYear: fc.option(oneOf([2007, 2008, 2009])),
});

/** The released values a filter selects on, as docs/access-and-privacy.md states them: a value generalised away matches no filter on it. */
const matches = (p: LifePath, f: LifePathFilter): boolean =>
  (f.city == null || p.city === f.city) &&
  (f.programme == null || p.programme === f.programme) &&
  (f.outcome == null || p.outcome === f.outcome) &&
  (f.entryYear == null || p.entryPeriod.slice(0, 4) === String(f.entryYear));

describe('a release stored in its tables (real SQLite file)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  let run = 0;

  it('answers every filter, page by page, count and openings, exactly as the paths held in memory would', async () => {
    const scenarios = fc.record({ records: fc.array(record, { minLength: 1, maxLength: 60 }), k: fc.integer({ min: 1, max: 4 }), filters: fc.array(filter, { minLength: 1, maxLength: 5 }), pageSize: fc.integer({ min: 1, max: 7 }) });
    await fc.assert(
      fc.asyncProperty(scenarios, async ({ records, k, filters, pageSize }) => {
        const { paths, ...facts } = anonymiseRelease(records, { k, pseudonymSecret: 'secret', releasedAsOf: '2026-10-31' });
        const db = openSqliteDatabase(tmp.file(`run-${run++}.db`));
        try {
          const tables = new ReleaseTables(db);
          tables.writePaths('1@2026-10', paths);
          tables.complete('1@2026-10', { facts, suppressed: [] }, true);
          const stored = new StoredRelease(tables, '1@2026-10', tables.find('1@2026-10', true)!.facts);
          for (const f of [{}, ...filters]) {
            const expected = paths.filter((p) => matches(p, f));
            expect(await allPaths(stored, f)).toEqual(expected);
            expect(stored.count(f)).toBe(expected.length);

            const paged: LifePath[] = [];
            for (let after: string | null = null, more = true; more; ) {
              const page = stored.page(f, pageSize, after);
              paged.push(...page.paths);
              more = page.hasNextPage;
              after = page.paths.at(-1)?.pseudonym ?? null;
            }
            expect(paged).toEqual(expected);
            // Either index gives the same pages; which one is read is a matter of speed. ('g' comes after every hex pseudonym.)
            const after = expected[1]?.pseudonym ?? 'g';
            for (const along of ['in-order', 'by-filter'] as const) {
              expect(tables.page('1@2026-10', f, after, pageSize, along)).toEqual(expected.slice(2, 2 + pageSize));
            }

            const counts = new Map<string, number>();
            for (const p of expected) counts.set(openingOf(p).join(' '), (counts.get(openingOf(p).join(' ')) ?? 0) + 1);
            const sequences = [...counts]
              .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
              .map(([key, count]) => ({ kinds: key.split(' ').filter(Boolean), count, share: count / expected.length }));
            expect(stored.commonSequences(f)).toEqual({ sequences, totalCount: expected.length });
          }
        } finally {
          db.close();
        }
      }),
      // Most generated filters select all or nothing; more runs reach the partial selections.
      { numRuns: 100 },
    );
  });

  it('a download of more paths than one read holds lets the event loop turn between its pages (other requests are answered meanwhile)', async () => {
    const db = openSqliteDatabase(tmp.file('pages.db'));
    try {
      const tables = new ReleaseTables(db);
      const { paths, ...facts } = anonymiseRelease(
        Array.from({ length: 2_500 }, () => aRecord()),
        { k: 1, pseudonymSecret: 's', releasedAsOf: '2026-10-31' },
      );
      tables.writePaths('1@2026-10', paths);
      tables.complete('1@2026-10', { facts, suppressed: [] }, true);
      const stored = new StoredRelease(tables, '1@2026-10', facts);

      const turnsBeforeEachPage: number[] = [];
      const turns = countTurns();
      try {
        for await (const page of stored.pathPages({})) {
          turnsBeforeEachPage.push(turns.count);
          expect(page.length).toBeGreaterThan(0);
        }
      } finally {
        turns.stop();
      }
      // 1,000 paths a read: three pages, the first read at once, each later one after a turn of the event loop.
      expect(turnsBeforeEachPage).toHaveLength(3);
      expect(turnsBeforeEachPage[1]!).toBeGreaterThan(turnsBeforeEachPage[0]!);
      expect(turnsBeforeEachPage[2]!).toBeGreaterThan(turnsBeforeEachPage[1]!);
    } finally {
      db.close();
    }
  });

  it('a release is found only once complete, and the paths of releases no longer kept are swept', () => {
    const db = openSqliteDatabase(tmp.file('sweep.db'));
    try {
      const tables = new ReleaseTables(db);
      const { paths, ...facts } = anonymiseRelease([aRecord(), aRecord(), aRecord()], { k: 1, pseudonymSecret: 's', releasedAsOf: '2026-10-31' });
      for (const month of ['2026-08', '2026-09', '2026-10']) {
        tables.writePaths(`1@${month}`, paths);
        expect(tables.find(`1@${month}`, false)).toBeUndefined();
        tables.complete(`1@${month}`, { facts, suppressed: [] }, true);
        expect(tables.find(`1@${month}`, true)).toEqual({ facts, suppressed: [] });
      }
      // Cut short: written, never completed.
      tables.writePaths('1@2026-11', paths);
      while (!tables.sweepStep());
      // The last two full releases keep their paths; the oldest keeps whom it left out only.
      expect(tables.count('1@2026-08', {})).toBe(0);
      expect(tables.find('1@2026-08', true)).toBeUndefined();
      expect(tables.find('1@2026-08', false)).toEqual({ facts, suppressed: [] });
      expect(tables.count('1@2026-09', {})).toBe(3);
      expect(tables.count('1@2026-10', {})).toBe(3);
      expect(tables.count('1@2026-11', {})).toBe(0);

      tables.dropOtherGenerations(2);
      while (!tables.sweepStep());
      expect(tables.find('1@2026-10', false)).toBeUndefined();
      expect(tables.count('1@2026-10', {})).toBe(0);
    } finally {
      db.close();
    }
  });
});
