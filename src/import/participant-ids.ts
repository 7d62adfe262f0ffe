import { createHash, createHmac, hkdfSync } from 'node:crypto';
import type { JourneyCommand } from '../journey/domain/commands';

/** Names what the derived key is for: the pseudonym secret it comes from is never used as is twice. */
const LABEL = 'journey-service/imported-participant-id/v1';

/**
 * The participant a file's reference stands for in a city: a UUID (version 8, RFC 9562's custom
 * kind) made of an HMAC-SHA256 of the city and the reference, under a key derived from the
 * deployment's pseudonym secret. The same reference of the same city is the same participant in
 * every file and every run, so a later file can continue the journeys of an earlier one; the id
 * tells nothing of the reference to whoever lacks the secret (a reference may be a number people
 * know someone by).
 */
export function importedParticipantIds(pseudonymSecret: string): (city: string, reference: string) => string {
  const key = Buffer.from(hkdfSync('sha256', pseudonymSecret, Buffer.alloc(0), LABEL, 32));
  return (city, reference) => {
    const bytes = createHmac('sha256', key).update(`${city}\n${reference}`, 'utf8').digest().subarray(0, 16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x80;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

/**
 * The commandId of a row: a digest of the command it makes (whose participant, what, when) and of
 * how many identical rows of that participant came before it. Neither the file's name nor the
 * row's place in it counts: the same journeys in another file, sorted another way or with rows
 * added, are the same commands, and those already recorded are not recorded again.
 */
export function rowCommandId(command: JourneyCommand, occurrence: number): string {
  return `import-${createHash('sha256').update(canonicalJson([command, occurrence]), 'utf8').digest('base64url')}`;
}

/** JSON with every object's keys in order: the same command is the same text whatever order its fields were set in. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
