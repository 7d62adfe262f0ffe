import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ALL_CITIES, type Principal } from '../auth/principal';
import { ExecuteJourneyCommand } from '../journey/application/execute-journey-command';
import { JourneyRepository } from '../journey/application/journey-repository';
import { type DemoJourney, generateProgrammeRun } from './generate-programme-run';

export const DEMO_SEED = 2007;
/** Records the whole run: an adviser of every city. */
// It acts in-process, with no token that could expire.
const DEMO_ADVISER: Principal = { sub: 'demo-adviser', role: 'adviser', city: ALL_CITIES, expiresAt: Number.POSITIVE_INFINITY };

/**
 * Records a run of the programme through the same command path as the API. Every command has an
 * id derived from the run, kept as a client's is (its digest), so a run cut short is
 * completed by the next one without doubles.
 * Answers how many journeys were recorded now (0 when the data was already complete).
 */
export async function seedDemoData(
  app: INestApplication,
  { seed = DEMO_SEED, scale = 1, onProgress }: { seed?: number; scale?: number; onProgress?: (journeys: number) => void } = {},
): Promise<number> {
  const journeys = app.get(JourneyRepository);
  const commandBus = app.get(CommandBus);
  const run = [...generateProgrammeRun({ seed, scale })];
  if (await isRecorded(journeys, run.at(-1)!)) return 0;
  let done = 0;
  for (const { participantId, commands } of run) {
    for (const [i, command] of commands.entries()) {
      const envelope = { commandId: `demo-${seed}-${participantId}-${i}`, expectedVersion: null, caller: DEMO_ADVISER };
      await commandBus.execute(new ExecuteJourneyCommand(command, envelope));
    }
    onProgress?.(++done);
  }
  return done;
}

async function isRecorded(journeys: JourneyRepository, last: DemoJourney): Promise<boolean> {
  return (await journeys.load(last.participantId)).length === last.commands.length;
}
