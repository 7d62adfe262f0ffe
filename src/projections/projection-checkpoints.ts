import type Database from 'better-sqlite3';
import { type GlobalPosition, START_OF_LOG } from '../event-store/event-store.port';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL
  ) STRICT;
`;

/**
 * How far each projection has folded the global log in. A checkpoint is only ever written inside
 * the transaction that writes the read model it describes: that is what makes an event's effect
 * exactly-once across crashes.
 */
export class ProjectionCheckpoints {
  private readonly select: Database.Statement<[string], bigint>;
  private readonly upsert: Database.Statement<[string, GlobalPosition]>;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    // Positions are bigint end to end, as in the event store.
    this.select = db.prepare<[string], bigint>('SELECT position FROM projection_checkpoints WHERE name = ?').pluck().safeIntegers();
    this.upsert = db.prepare<[string, GlobalPosition]>(
      `INSERT INTO projection_checkpoints (name, position) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
    );
  }

  /** The position of the last event folded in; the start of the log for a projection never run. */
  read(name: string): GlobalPosition {
    return this.select.get(name) ?? START_OF_LOG;
  }

  write(name: string, position: GlobalPosition): void {
    this.upsert.run(name, position);
  }
}
