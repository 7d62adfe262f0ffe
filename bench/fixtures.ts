import { copyFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { BUILT_IN_CATALOGUE } from '../src/catalogue/built-in-catalogue';
import { generateProgrammeRun, programmeRunSize } from '../src/demo/generate-programme-run';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { participantStream } from '../src/journey/application/journey-repository';
import type { JourneyCommand } from '../src/journey/domain/commands';
import { decide } from '../src/journey/domain/decide';
import { evolveJourney, initialJourney, type Journey } from '../src/journey/domain/journey';
import type { EventStore } from '../src/event-store/event-store.port';
import type { KeyVault } from '../src/personal-data/key-vault.port';
import { sealEventData } from '../src/personal-data/personal-data-codec';
import { SqliteKeyVault } from '../src/personal-data/sqlite-key-vault';

/** Commands are decided as of this day: after every date of the run. */
const TODAY = '2026-01-01';
/** The demo's seed (src/demo/seed-demo-data.ts). */
export const BENCH_SEED = 2007;

/** A log of the demo generator's run written straight to the store, as the service would have recorded it. */
export interface LogFile {
  file: string;
  participants: number;
  events: number;
}

export interface LogSpec {
  file: string;
  /** Stop after this many participants (the generator's prefix, which looks like the whole run). */
  participants: number;
  /** Or once the log holds this many events (at the end of a window of participants). */
  events?: number;
  /** Copy the log to this file once it reaches `events`, then go on to `participants`. */
  copyAtEvents?: string;
  /**
   * Participants whose journeys are interleaved by date, as advisers record them over the months:
   * a projection sees each participant's events spread among many others', not in a row.
   */
  window?: number;
}

interface Step {
  participant: number;
  participantId: string;
  command: JourneyCommand;
}

/**
 * Writes the run as the journey repository does (personal data and notes sealed under each
 * participant's key), one command's events per append, each append
 * checking the stream's version. The durability settings are relaxed while the fixture is written
 * (it is rebuilt if lost); the file is left in WAL mode, as the service opens it.
 */
export async function writeProgrammeLog(spec: LogSpec): Promise<{ log: LogFile; copy: LogFile | null }> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${spec.file}${suffix}`, { force: true });
  const db = new Database(spec.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = ON');
  const store = new SqliteEventStore(db);
  const journeys = { store, vault: new SqliteKeyVault(db) };
  const window = spec.window ?? 2_000;
  let participants = 0;
  let events = 0;
  let copy: LogFile | null = null;
  try {
    let pending: { participantId: string; commands: JourneyCommand[] }[] = [];
    const flush = async () => {
      events += await writeInterleaved(journeys, pending, participants);
      participants += pending.length;
      pending = [];
      if (spec.copyAtEvents && copy === null && events >= (spec.events ?? Infinity)) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        copyFileSync(spec.file, spec.copyAtEvents);
        copy = { file: spec.copyAtEvents, participants, events };
      }
    };
    for (const journey of generateProgrammeRun({ seed: BENCH_SEED, scale: scaleFor(spec.participants) })) {
      if (participants + pending.length >= spec.participants) break;
      if (!spec.copyAtEvents && spec.events !== undefined && events >= spec.events) break;
      pending.push(journey);
      if (pending.length === window) await flush();
    }
    if (pending.length > 0) await flush();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return { log: { file: spec.file, participants, events }, copy };
}

/** The smallest scale whose run has at least `participants` journeys. */
function scaleFor(participants: number): number {
  let scale = Math.max(participants / programmeRunSize(1), 1 / 322);
  while (programmeRunSize(scale) < participants) scale *= 1.01;
  return scale;
}

/** Records a window of journeys in the order of their dates; answers the number of events written. */
async function writeInterleaved(
  journeys: { store: EventStore; vault: KeyVault },
  window: readonly { participantId: string; commands: JourneyCommand[] }[],
  firstIndex: number,
): Promise<number> {
  const steps: Step[] = window.flatMap(({ participantId, commands }, i) =>
    commands.map((command) => ({ participant: firstIndex + i, participantId, command })),
  );
  // Stable: a participant's own commands keep their order on the same day.
  steps.sort((a, b) => (dateOf(a.command) < dateOf(b.command) ? -1 : dateOf(a.command) > dateOf(b.command) ? 1 : 0));
  const journeysOf = new Map<string, Journey>();
  // Not awaited one by one: appends asked for in the same turn commit together (the store's group
  // commit), so a window takes one transaction instead of one per command.
  const appends: Promise<unknown>[] = [];
  let written = 0;
  for (const [i, { participantId, command }] of steps.entries()) {
    const current = journeysOf.get(participantId) ?? initialJourney();
    const decided = decide(command, current, { today: TODAY, catalogue: BUILT_IN_CATALOGUE });
    const metadata = { recordedAt: `${dateOf(command)}T12:00:00.000Z`, recordedBy: 'bench-adviser', commandId: `bench-${firstIndex}-${i}` };
    // As JourneyRepository.append does it.
    const sealed = await Promise.all(
      decided.map(async (e) => ({ type: e.type, data: await sealEventData(journeys.vault, participantId, e), metadata })),
    );
    appends.push(journeys.store.appendToStream(participantStream(participantId), sealed, current.version));
    journeysOf.set(participantId, decided.reduce(evolveJourney, current));
    written += decided.length;
  }
  await Promise.all(appends);
  return written;
}

/** The business date of a command; an erasure (and an undated note) is dated by the service, today. */
const dateOf = (command: JourneyCommand): string => ('occurredOn' in command.data ? (command.data.occurredOn ?? TODAY) : TODAY);
