import type { StoredEvent } from '../event-store/event-store.port';
import { participantOfStream } from '../journey/application/journey-repository';

/**
 * Another replica's erasure tombstones the key in the cluster at once; the copy this replica
 * caches goes when the erasure reaches it through the log. Answers the function that stops it.
 */
export function forgetKeysOnErasure(
  log: { onEvent(listener: (event: StoredEvent) => void): () => void },
  vault: { forget(participantId: string): void },
): () => void {
  return log.onEvent((event) => {
    const participantId = participantOfStream(event.streamId);
    if (event.type === 'PersonalDataErased' && participantId !== null) vault.forget(participantId);
  });
}
