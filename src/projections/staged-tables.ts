import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { LOCK_RETRY_MS } from '../storage/lock-wait';
import { quoteIdentifier as quote } from './projection-tables';

/** The name a rebuilt table is copied into the live file under, until the swap renames it. */
const stagedName = (table: string): string => `rebuild_staged_${table}`;

/** Rows copied in one transaction: tens of milliseconds of the live file's write lock. */
const ROWS_PER_STEP = 10_000;

/**
 * Between two steps the write lock is left free for longer than the service waits between its
 * tries for it (LOCK_RETRY_MS), so that its appends go in between.
 */
const PAUSE_MS = 2 * LOCK_RETRY_MS;

/**
 * Copies each of `tables` of the attached schema `from` into the main one under its staged name
 * (stagedName), with the same definition, in steps of `rowsPerStep` rows in key order, each a
 * transaction of its own with a pause after it: the live file's write lock is held a step at a
 * time, not for the whole copy (31 s for the case files of a million participants). Tables
 * staged before by a copy cut short are replaced. Indexes are left to whoever renames the tables:
 * theirs are named after the live tables.
 */
export async function stageTables(db: Database.Database, from: string, tables: readonly string[], rowsPerStep = ROWS_PER_STEP): Promise<void> {
  for (const table of tables) {
    const staged = stagedName(table);
    db.exec(`DROP TABLE IF EXISTS main.${quote(staged)}`);
    db.exec(stagedDefinition(db, from, table, tables));
    const keys = keyOf(db, from, table);
    const copy = stepsOf(db, from, table, staged, keys, rowsPerStep);
    for (let step = copy.next(); !step.done; step = copy.next()) await sleep(PAUSE_MS);
  }
}

/**
 * Gives each staged table of `tables` its live name; the live tables must be gone by then. (SQLite
 * keeps the new name quoted in the table's definition: the same table to it.)
 */
export function renameStagedTables(db: Database.Database, tables: readonly string[]): void {
  for (const table of tables) db.exec(`ALTER TABLE main.${quote(stagedName(table))} RENAME TO ${quote(table)}`);
}

/** Drops the staged tables of `tables` there may be (a copy that failed, or was cut short). */
export function dropStagedTables(db: Database.Database, tables: readonly string[]): void {
  for (const table of tables) db.exec(`DROP TABLE IF EXISTS main.${quote(stagedName(table))}`);
}

/**
 * The table's CREATE TABLE statement, as SQLite keeps it (sqlite_schema), for its staged copy in
 * the main schema: its foreign keys to the other `tables` refer to their staged copies, which the
 * swap's renames then turn to the live names.
 */
function stagedDefinition(db: Database.Database, from: string, table: string, tables: readonly string[]): string {
  const references = new RegExp(`\\bREFERENCES\\s+${IDENTIFIER}`, 'gi');
  const body = definitionOf(db, from, table).replace(references, (reference, parent: string) =>
    tables.includes(unquoted(parent)) ? `REFERENCES ${quote(stagedName(unquoted(parent)))}` : reference,
  );
  return `CREATE TABLE main.${quote(stagedName(table))}${body}`;
}

/** A table's CREATE TABLE statement in `from`, after its name. */
function definitionOf(db: Database.Database, from: string, table: string): string {
  const sql = db.prepare<[string], string>(`SELECT sql FROM ${quote(from)}.sqlite_schema WHERE type = 'table' AND name = ?`).pluck().get(table);
  // SQLite keeps the statement as written, from its first two keywords on, without IF NOT EXISTS nor a schema.
  const named = sql?.match(new RegExp(`^CREATE TABLE\\s+${IDENTIFIER}`, 'i'));
  if (!sql || !named || unquoted(named[1]!) !== table) throw new Error(`Cannot stage table ${table}: its definition was not found in ${from}`);
  return sql.slice(named[0].length);
}

/** A table's name as SQL may write it: a bare word, or in double quotes. */
const IDENTIFIER = '("(?:[^"]|"")+"|\\w+)';
const unquoted = (identifier: string): string => (identifier.startsWith('"') ? identifier.slice(1, -1).replaceAll('""', '"') : identifier);

/** The columns that order a table's rows and find a row: its rowid, or a WITHOUT ROWID table's primary key. */
function keyOf(db: Database.Database, from: string, table: string): string[] {
  const { wr } = db.prepare<[string, string], { wr: number }>('SELECT wr FROM pragma_table_list(?) WHERE schema = ?').get(table, from)!;
  if (!wr) return ['rowid'];
  return db
    .prepare<[string, string], string>('SELECT name FROM pragma_table_info(?, ?) WHERE pk > 0 ORDER BY pk')
    .pluck()
    .all(table, from)
    .map(quote);
}

/**
 * The copy, one step per iteration: the key of the step's last row is found first (an index walk),
 * then the rows up to it are copied in one statement.
 */
function* stepsOf(db: Database.Database, from: string, table: string, staged: string, keys: string[], rowsPerStep: number): Generator<void> {
  const key = keys.length === 1 ? keys[0] : `(${keys.join(', ')})`;
  const values = keys.length === 1 ? '?' : `(${keys.map(() => '?').join(', ')})`;
  const source = `${quote(from)}.${quote(table)}`;
  const lastOfStep = (after: unknown[] | null) =>
    db
      .prepare<unknown[], unknown[]>(`SELECT ${keys.join(', ')} FROM ${source} ${after ? `WHERE ${key} > ${values}` : ''} ORDER BY ${keys.join(', ')} LIMIT 1 OFFSET ?`)
      .raw()
      .get(...(after ?? []), rowsPerStep - 1);
  const copy = (after: unknown[] | null, upTo: unknown[] | undefined) => {
    const bounds = [after && `${key} > ${values}`, upTo && `${key} <= ${values}`].filter(Boolean);
    db.prepare(`INSERT INTO main.${quote(staged)} SELECT * FROM ${source} ${bounds.length > 0 ? `WHERE ${bounds.join(' AND ')}` : ''}`).run(
      ...(after ?? []),
      ...(upTo ?? []),
    );
  };
  let after: unknown[] | null = null;
  for (;;) {
    const upTo = lastOfStep(after);
    db.transaction(() => copy(after, upTo)).immediate();
    if (upTo === undefined) return;
    yield;
    after = upTo;
  }
}
