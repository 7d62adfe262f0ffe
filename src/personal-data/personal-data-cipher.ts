import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { RandomBytesPool } from './random-bytes-pool';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Marks the envelope's format, so that a later scheme can be told apart from this one. */
const PREFIX = 'pd1:';

export const newParticipantKey = (): Buffer => randomBytes(32);

const ivs = new RandomBytesPool();

/**
 * Encrypts one value under a participant's key. The participant id is authenticated data: a
 * ciphertext copied into another participant's stream does not decrypt.
 */
export function sealPersonalData(key: Buffer, participantId: string, value: unknown): string {
  const iv = ivs.take(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(participantId));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function openPersonalData(key: Buffer, participantId: string, sealed: string): unknown {
  if (!sealed.startsWith(PREFIX)) throw new Error('Not a sealed personal-data envelope');
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(participantId));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}
