import { BUILT_IN_CATALOGUE } from '../../src/catalogue/built-in-catalogue';
import { generateProgrammeRun } from '../../src/demo/generate-programme-run';
import type { EventStore, StoredEvent } from '../../src/event-store/event-store.port';
import { participantOfStream } from '../../src/journey/application/journey-repository';
import type { JourneyCommand } from '../../src/journey/domain/commands';
import { decide } from '../../src/journey/domain/decide';
import type { JourneyEvent } from '../../src/journey/domain/events';
import { evolveJourney, initialJourney } from '../../src/journey/domain/journey';
import type { KeyVault } from '../../src/personal-data/key-vault.port';
import { sealEventData } from '../../src/personal-data/personal-data-codec';

const TODAY = '2026-01-01';

export interface DecidedJourney {
  participantId: string;
  events: JourneyEvent[];
}

/**
 * A programme run's journeys at `scale`, as the events the domain decides for them (personal data
 * in clear); those `erased` picks end with the erasure of their personal data.
 */
export function decidedJourneys(seed: number, scale: number, erased: (index: number) => boolean = () => false): DecidedJourney[] {
  return [...generateProgrammeRun({ seed, scale })].map(({ participantId, commands }, index) => {
    const erasure: JourneyCommand[] = erased(index) ? [{ type: 'ErasePersonalData', data: { participantId, reason: 'Asked by the participant' } }] : [];
    let journey = initialJourney();
    const events = [...commands, ...erasure].flatMap((command) => {
      const decided = decide(command, journey, { today: TODAY, catalogue: BUILT_IN_CATALOGUE });
      journey = decided.reduce(evolveJourney, journey);
      return decided;
    });
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
 * sealed under each participant's key, one append per event), then shreds the keys of the
 * participants whose journey ends with an erasure, as the service does after appending it.
 */
export async function recordSealed(store: EventStore, vault: KeyVault, log: readonly StoredEvent[]): Promise<void> {
  for (const { streamId, version, type, data, metadata } of log) {
    const participantId = participantOfStream(streamId)!;
    await store.appendToStream(streamId, [{ type, data: await sealEventData(vault, participantId, data), metadata }], version - 1);
    if (type === 'PersonalDataErased') await vault.shred(participantId);
  }
}
