import { createHash } from 'node:crypto';

/** Names what the hash is for, so that no other digest of a participant id ever equals it. */
const LABEL = 'journey-service/record-key/v1\u0000';

/**
 * A participant's record key, an integer in [0, 2^32) fixed for ever: the first 32 bits of
 * SHA-256 of the participant id. It is not secret on purpose: the read model keeps sums of record
 * keys, and secret record keys would leave those sums stale (every figure wrong) the day
 * PSEUDONYM_SECRET is replaced. The secret comes in where a key sum becomes a cell key
 * (cell-key-method.ts), which no one can compute without it.
 */
export const recordKeyOf = (participantId: string): number =>
  createHash('sha256').update(LABEL).update(participantId, 'utf8').digest().readUInt32BE(0);
