import { BUILT_IN_CATALOGUE } from '../../src/catalogue/built-in-catalogue';
import { generateProgrammeRun } from '../../src/demo/generate-programme-run';
import { Random } from '../../src/demo/prng';
import type { EventStore, StoredEvent } from '../../src/event-store/event-store.port';
import { participantOfStream } from '../../src/journey/application/journey-repository';
import type { JourneyCommand } from '../../src/journey/domain/commands';
import { decide } from '../../src/journey/domain/decide';
import type { JourneyEvent } from '../../src/journey/domain/events';
import { InvalidInput, RuleViolation } from '../../src/journey/domain/errors';
import { evolveJourney, initialJourney } from '../../src/journey/domain/journey';
import type { KeyVault } from '../../src/personal-data/key-vault.port';
import { sealEventData } from '../../src/personal-data/personal-data-codec';
import { randomAmendment } from './random-amendments';

const TODAY = '2026-01-01';

export interface DecidedJourney {
  participantId: string;
  events: JourneyEvent[];
}

/**
 * A programme run's journeys at `scale`, as the events the domain decides for them (personal data
 * in clear); `amendments` random amendments are tried on each (those the decider accepts are
 * kept), then those `erased` picks end with the erasure of their personal data.
 */
export function decidedJourneys(
  seed: number,
  scale: number,
  erased: (index: number) => boolean = () => false,
  amendments = 0,
): DecidedJourney[] {
  return [...generateProgrammeRun({ seed, scale })].map(({ participantId, commands }, index) => {
    let journey = initialJourney();
    const events: JourneyEvent[] = [];
    /** Records what the decider accepts; answers whether it did. */
    const record = (command: JourneyCommand | null): boolean => {
      if (command === null) return false;
      try {
        const decided = decide(command, journey, { today: TODAY, catalogue: BUILT_IN_CATALOGUE });
        journey = decided.reduce(evolveJourney, journey);
        events.push(...decided);
        return true;
      } catch (error) {
        if (error instanceof RuleViolation || error instanceof InvalidInput) return false;
        throw error;
      }
    };
    for (const command of commands) {
      if (!record(command)) throw new Error(`The generated run has a command the decider refuses: ${JSON.stringify(command)}`);
    }
    const random = new Random(seed, index);
    for (let i = 0; i < amendments; i++) record(randomAmendment(journey, random));
    if (erased(index)) record({ type: 'ErasePersonalData', data: { participantId, reason: 'Asked by the participant' } });
    return { participantId, events };
  });
}

/** Interleaves the journeys into one global log, keeping each journey's own order: `picks` choose which goes next. */
export function interleave(journeys: readonly DecidedJourney[], picks: readonly number[]): StoredEvent[] {
  const cursors = journeys.map(() => 0);
  const total = journeys.reduce((n, j) => n + j.events.length, 0);
  const log: StoredEvent[] = [];
  for (let i = 0; log.length < total; i++) {
    const open = journeys.map((_, j) => j).filter((j) => cursors[j]! < journeys[j]!.events.length);
    const j = open[picks[i % picks.length]! % open.length]!;
    const event = journeys[j]!.events[cursors[j]!++]!;
    log.push({
      ...event,
      streamId: `participant-${journeys[j]!.participantId}`,
      version: cursors[j]!,
      position: BigInt(log.length + 1),
      metadata: { recordedAt: '2026-01-01T12:00:00.000Z', recordedBy: 'test', commandId: null },
    });
  }
  return log;
}

/**
 * Appends the log to the store as the journey repository records it (personal data and notes
 * sealed under each participant's key, one append per event), and shreds the keys of the
 * participants whose journey ends with an erasure (the service shreds before appending; the
 * order makes no difference to what is stored).
 */
export async function recordSealed(store: EventStore, vault: KeyVault, log: readonly StoredEvent[]): Promise<void> {
  for (const { streamId, version, type, data, metadata } of log) {
    const participantId = participantOfStream(streamId)!;
    await store.appendToStream(streamId, [{ type, data: await sealEventData(vault, participantId, { type, data } as JourneyEvent), metadata }], version - 1);
    if (type === 'PersonalDataErased') await vault.shred(participantId);
  }
}
