import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 of the participant id, in hex: stable within a deployment so that researchers can
 * follow a path across releases, and not linkable to the id without the secret. A plain hash would
 * not do: anyone holding an id could recompute it.
 */
export function pseudonymOf(participantId: string, secret: string): string {
  if (secret.length === 0) throw new Error('The life-paths pseudonym secret must not be empty');
  return createHmac('sha256', secret).update(participantId, 'utf8').digest('hex');
}
