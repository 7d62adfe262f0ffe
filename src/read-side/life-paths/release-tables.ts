import type Database from 'better-sqlite3';
import type { LifePath, ReleaseFacts } from '../../life-paths/anonymise-release';
import { yearOfEntryPeriod } from '../../life-paths/quasi-identifiers';
import type { LifePathFilter } from '../../life-paths/release-filter';
import { openingOf } from './common-sequences';

/** A computed release as stored: what it says of itself, and whom it leaves out. */
export interface StoredReleaseRow {
  facts: ReleaseFacts;
  /** Participant ids: at most 5% of the snapshot's records once a node is admissible. */
  suppressed: string[];
}

/** The version of the tables below: a release file laid out otherwise is emptied (storage/life-path-release-file.ts). */
export const RELEASE_TABLES_LAYOUT = 1;

/** How many rows a sweep deletes in one statement: a short write, between which requests run. */
const SWEEP_ROWS = 5_000;

/** Full releases whose paths are kept: the one served, and the one before it for a download still under way. */
const PATH_RELEASES_KEPT = 2;

/**
 * Where computed life-path releases are kept (life-paths.reader.ts), on a connection of their own
 * (storage/life-path-release-file.ts): a million released paths do not fit in the service's memory,
 * and pages, counts and downloads read them from here. A release is keyed by the life-paths tables'
 * generation and its month. Its row in life_path_releases is
 * written last, once every path of it is: a release is there whole or not at all. Paths carry
 * their filter values in columns of their own (release-filter.ts), so that a filter is one query.
 * Rows are appended in the snapshot's order and ordered by an index: a table in pseudonym order,
 * a random one, would be written a page per path (a path's JSON does not fit beside others in a
 * page split at random). The filters' index answers counts and openings without reading the paths,
 * and pages of a filter few paths match.
 */
export class ReleaseTables {
  private readonly statements: ReturnType<typeof prepare>;

  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS life_path_releases (
        key TEXT NOT NULL UNIQUE,
        facts TEXT NOT NULL,
        suppressed TEXT NOT NULL,
        paths_kept INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS life_path_released (
        release TEXT NOT NULL,
        pseudonym TEXT NOT NULL,
        city TEXT NOT NULL,
        programme TEXT,
        outcome TEXT,
        entry_year INTEGER,
        opening TEXT NOT NULL,
        path TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX IF NOT EXISTS life_path_released_in_order ON life_path_released (release, pseudonym);
      CREATE INDEX IF NOT EXISTS life_path_released_by_filter ON life_path_released (release, city, programme, outcome, entry_year, opening, pseudonym);
    `);
    this.statements = prepare(db);
  }

  close(): void {
    this.db.close();
  }

  /** The release stored under `key`; with its paths only if `withPaths`. */
  find(key: string, withPaths: boolean): StoredReleaseRow | undefined {
    const row = this.statements.find.get({ key, withPaths: withPaths ? 1 : 0 });
    return row && { facts: JSON.parse(row.facts) as ReleaseFacts, suppressed: JSON.parse(row.suppressed) as string[] };
  }

  /** One slice of a release's paths, in a transaction of its own. */
  writePaths(key: string, paths: readonly LifePath[]): void {
    const { insertPath } = this.statements;
    this.db.transaction(() => {
      for (const path of paths) {
        const year = yearOfEntryPeriod(path.entryPeriod);
        insertPath.run({
          release: key,
          pseudonym: path.pseudonym,
          city: path.city,
          programme: path.programme,
          outcome: path.outcome,
          entryYear: Number.isNaN(year) ? null : year,
          opening: openingOf(path).join(' '),
          path: JSON.stringify(path),
        });
      }
    })();
  }

  /** Last: the release's paths are all written, and readers may find it from now on. */
  complete(key: string, row: StoredReleaseRow, withPaths: boolean): void {
    const { complete, dropOldPaths } = this.statements;
    this.db.transaction(() => {
      complete.run({ key, facts: JSON.stringify(row.facts), suppressed: JSON.stringify(row.suppressed), pathsKept: withPaths ? 1 : 0 });
      if (withPaths) dropOldPaths.run(PATH_RELEASES_KEPT);
    })();
  }

  /** Releases of other generations than `generation` go: their tables were replaced. */
  dropOtherGenerations(generation: number): void {
    this.statements.dropOtherGenerations.run(`${generation}@%`);
  }

  /**
   * Deletes up to SWEEP_ROWS paths of no kept release (left by an older release, or by one whose
   * computing was cut short); true once none is left. Called repeatedly, between requests.
   */
  sweepStep(): boolean {
    return this.statements.sweep.run(SWEEP_ROWS).changes < SWEEP_ROWS;
  }

  count(key: string, filter: LifePathFilter): number {
    return this.statements.count.get(filterParameters(key, filter))!;
  }

  /**
   * Up to `limit` paths matching `filter` after pseudonym `after`, in pseudonym order: walking the
   * pseudonyms' index until enough match (`in-order`, for a filter most paths match), or the
   * filter's, its matches then sorted (`by-filter`, for one few paths match).
   */
  page(key: string, filter: LifePathFilter, after: string | null, limit: number, along: 'in-order' | 'by-filter'): LifePath[] {
    const statement = along === 'in-order' ? this.statements.pageInOrder : this.statements.pageByFilter;
    return statement.all({ ...filterParameters(key, filter), after: after ?? '', limit }).map((text) => JSON.parse(text) as LifePath);
  }

  /** How many paths matching `filter` begin with each opening (common-sequences.ts), most first. */
  openings(key: string, filter: LifePathFilter): { opening: string; count: number }[] {
    return this.statements.openings.all(filterParameters(key, filter));
  }
}

function filterParameters(release: string, { city = null, programme = null, outcome = null, entryYear = null }: LifePathFilter) {
  return { release, city, programme, outcome, entryYear };
}

/** A value generalised to null matches no filter on it: `=` is never true of a NULL. */
const MATCHING = `release = @release AND (@city IS NULL OR city = @city) AND (@programme IS NULL OR programme = @programme)
  AND (@outcome IS NULL OR outcome = @outcome) AND (@entryYear IS NULL OR entry_year = @entryYear)`;

type FilterParameters = ReturnType<typeof filterParameters>;

function prepare(db: Database.Database) {
  return {
    find: db.prepare<{ key: string; withPaths: number }, { facts: string; suppressed: string }>(
      'SELECT facts, suppressed FROM life_path_releases WHERE key = @key AND paths_kept >= @withPaths',
    ),
    insertPath: db.prepare(
      `INSERT OR REPLACE INTO life_path_released (release, pseudonym, city, programme, outcome, entry_year, opening, path)
       VALUES (@release, @pseudonym, @city, @programme, @outcome, @entryYear, @opening, @path)`,
    ),
    complete: db.prepare(
      `INSERT INTO life_path_releases (key, facts, suppressed, paths_kept) VALUES (@key, @facts, @suppressed, @pathsKept)
       ON CONFLICT (key) DO UPDATE SET facts = excluded.facts, suppressed = excluded.suppressed, paths_kept = max(paths_kept, excluded.paths_kept)`,
    ),
    dropOldPaths: db.prepare<[number]>(
      `UPDATE life_path_releases SET paths_kept = 0
       WHERE rowid IN (SELECT rowid FROM life_path_releases WHERE paths_kept = 1 ORDER BY rowid DESC LIMIT -1 OFFSET ?)`,
    ),
    dropOtherGenerations: db.prepare<[string]>('DELETE FROM life_path_releases WHERE key NOT LIKE ?'),
    sweep: db.prepare<[number]>(
      `DELETE FROM life_path_released WHERE rowid IN (
         SELECT rowid FROM life_path_released
         WHERE release NOT IN (SELECT key FROM life_path_releases WHERE paths_kept = 1) LIMIT ?
       )`,
    ),
    count: db.prepare<FilterParameters, number>(`SELECT count(*) FROM life_path_released WHERE ${MATCHING}`).pluck(),
    pageInOrder: db
      .prepare<FilterParameters & { after: string; limit: number }, string>(
        `SELECT path FROM life_path_released INDEXED BY life_path_released_in_order
         WHERE ${MATCHING} AND pseudonym > @after ORDER BY pseudonym LIMIT @limit`,
      )
      .pluck(),
    pageByFilter: db
      .prepare<FilterParameters & { after: string; limit: number }, string>(
        `SELECT path FROM life_path_released WHERE rowid IN (
           SELECT rowid FROM life_path_released INDEXED BY life_path_released_by_filter
           WHERE ${MATCHING} AND pseudonym > @after ORDER BY pseudonym LIMIT @limit
         ) ORDER BY pseudonym`,
      )
      .pluck(),
    openings: db.prepare<FilterParameters, { opening: string; count: number }>(
      `SELECT opening, count(*) AS count FROM life_path_released WHERE ${MATCHING} GROUP BY opening ORDER BY count DESC, opening`,
    ),
  };
}
