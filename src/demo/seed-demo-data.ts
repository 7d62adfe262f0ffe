import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ALL_CITIES, type Principal } from '../auth/principal';
import { ExecuteJourneyCommand } from '../journey/application/execute-journey-command';
import { JourneyRepository } from '../journey/application/journey-repository';
import type { JourneyCommand } from '../journey/domain/commands';
import type { CalendarDate } from '../journey/domain/vocabulary';
import { type DemoJourney, generateProgrammeRun } from './generate-programme-run';

export const DEMO_SEED = 2007;
/** Records the whole run: an adviser of every city. */
// It acts in-process, with no token that could expire.
const DEMO_ADVISER: Principal = { sub: 'demo-adviser', role: 'adviser', city: ALL_CITIES, expiresAt: Number.POSITIVE_INFINITY };

/**
 * Records a run of the programme through the same command path as the API, in the order things
 * happened across all journeys, each on the day it happened (`onDay` sets the clock to it), as
 * advisers record them. Every command has an id derived from the run, kept as a client's is (its
 * digest), so a run cut short is completed by the next one without doubles.
 * Answers how many journeys were recorded now (0 when the data was already complete).
 */
export async function seedDemoData(
  app: INestApplication,
  {
    seed = DEMO_SEED,
    scale = 1,
    onDay = () => undefined,
    onProgress,
  }: { seed?: number; scale?: number; onDay?: (day: CalendarDate) => void; onProgress?: (milestones: number, of: number) => void } = {},
): Promise<number> {
  const journeys = app.get(JourneyRepository);
  const commandBus = app.get(CommandBus);
  const run = [...generateProgrammeRun({ seed, scale })];
  const milestones = inOrderOfDays(run);
  if (await isRecorded(journeys, milestones.at(-1)!)) return 0;
  for (const [done, { participantId, index, command, day }] of milestones.entries()) {
    onDay(day);
    const envelope = { commandId: `demo-${seed}-${participantId}-${index}`, expectedVersion: null, caller: DEMO_ADVISER };
    await commandBus.execute(new ExecuteJourneyCommand(command, envelope));
    onProgress?.(done + 1, milestones.length);
  }
  return run.length;
}

interface Milestone {
  participantId: string;
  /** Its place in the participant's journey. */
  index: number;
  command: JourneyCommand;
  day: CalendarDate;
}

/** Every journey's commands in one list by day; a stable sort keeps each journey's own order. */
function inOrderOfDays(run: readonly DemoJourney[]): Milestone[] {
  return run
    .flatMap(({ participantId, commands, recordedOn }) => commands.map((command, index) => ({ participantId, index, command, day: recordedOn[index]! })))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** The run's last milestone is recorded only once all the others are. */
async function isRecorded(journeys: JourneyRepository, last: Milestone): Promise<boolean> {
  return (await journeys.load(last.participantId)).length > last.index;
}
