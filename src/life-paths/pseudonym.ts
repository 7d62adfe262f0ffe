import { createHmac } from 'node:crypto';
import type { CalendarDate } from '../journey/domain/vocabulary';

/**
 * HMAC-SHA256 of the participant id, in hex, under a key of its own for each snapshot (itself the
 * HMAC of the snapshot's date under the secret): stable within one snapshot, so that pages and the
 * CSV of a snapshot agree, but unrelated from one snapshot to the next, so that a path cannot be
 * followed across releases. Not linkable to the id without the secret: a plain hash would be, by
 * anyone holding an id.
 */
export function pseudonymOf(participantId: string, secret: string, releasedAsOf: CalendarDate): string {
  return snapshotPseudonyms(secret, releasedAsOf)(participantId);
}

/** pseudonymOf for one snapshot, its key derived once for all of its participants. */
export function snapshotPseudonyms(secret: string, releasedAsOf: CalendarDate): (participantId: string) => string {
  if (secret.length === 0) throw new Error('The life-paths pseudonym secret must not be empty');
  const snapshotKey = createHmac('sha256', secret).update(`life-paths snapshot ${releasedAsOf}`, 'utf8').digest();
  return (participantId) => createHmac('sha256', snapshotKey).update(participantId, 'utf8').digest('hex');
}
