import type Database from 'better-sqlite3';
import { type GlobalPosition, START_OF_LOG } from '../event-store/event-store.port';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS projection_layouts (
    name TEXT PRIMARY KEY,
    layout INTEGER NOT NULL
  ) STRICT;
`;

/**
 * How far each projection has folded the global log in, and the layout of the tables it folded
 * it into. A checkpoint is only ever written inside the transaction that writes the read model it
 * describes: that is what makes an event's effect exactly-once across crashes.
 */
export class ProjectionCheckpoints {
  private readonly select: Database.Statement<[string], bigint>;
  private readonly upsert: Database.Statement<[string, GlobalPosition]>;
  private readonly selectLayout: Database.Statement<[string], number>;
  private readonly upsertLayout: Database.Statement<[string, number]>;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    // Positions are bigint end to end, as in the event store.
    this.select = db.prepare<[string], bigint>('SELECT position FROM projection_checkpoints WHERE name = ?').pluck().safeIntegers();
    this.upsert = db.prepare<[string, GlobalPosition]>(
      `INSERT INTO projection_checkpoints (name, position) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
    );
    this.selectLayout = db.prepare<[string], number>('SELECT layout FROM projection_layouts WHERE name = ?').pluck();
    this.upsertLayout = db.prepare<[string, number]>(
      `INSERT INTO projection_layouts (name, layout) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET layout = excluded.layout`,
    );
  }

  /** The position of the last event folded in; the start of the log for a projection never run. */
  read(name: string): GlobalPosition {
    return this.find(name) ?? START_OF_LOG;
  }

  /** Undefined where no checkpoint row is: never run, or the row was lost while its tables stayed. */
  find(name: string): GlobalPosition | undefined {
    return this.select.get(name);
  }

  write(name: string, position: GlobalPosition): void {
    this.upsert.run(name, position);
  }

  /** The layout recorded with the checkpoint; undefined where none was (tables older than layouts, or none yet). */
  layout(name: string): number | undefined {
    return this.selectLayout.get(name);
  }

  writeLayout(name: string, layout: number): void {
    this.upsertLayout.run(name, layout);
  }
}
