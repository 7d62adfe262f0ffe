import type Database from 'better-sqlite3';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS projection_generations (
    name TEXT PRIMARY KEY,
    generation INTEGER NOT NULL
  ) STRICT;
`;

/**
 * A number per projection that moves each time its tables are replaced or emptied under whoever
 * reads them (a rebuild's swap, a reset at start), in the transaction that does it. Readers of
 * every process key what they cache by it, so that nothing read from the old tables outlives them:
 * the rebuild command runs in another process than the service.
 */
export class ProjectionGenerations {
  private readonly select: Database.Statement<[string], number>;
  private readonly selectAll: Database.Statement<[], { name: string; generation: number }>;
  private readonly increment: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.select = db.prepare<[string], number>('SELECT generation FROM projection_generations WHERE name = ?').pluck();
    this.selectAll = db.prepare<[], { name: string; generation: number }>('SELECT name, generation FROM projection_generations');
    this.increment = db.prepare<[string]>(
      `INSERT INTO projection_generations (name, generation) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET generation = generation + 1`,
    );
  }

  /** 0 for tables never replaced. One indexed read: cheap enough before every answer. */
  read(name: string): number {
    return this.select.get(name) ?? 0;
  }

  all(): Map<string, number> {
    return new Map(this.selectAll.all().map(({ name, generation }) => [name, generation]));
  }

  /** Inside the transaction that replaces or empties the tables, so that readers see both or neither. */
  bump(name: string): void {
    this.increment.run(name);
  }
}
