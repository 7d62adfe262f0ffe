import { createHmac, hkdfSync } from 'node:crypto';

/** Names what the derived key is for: the pseudonym secret it comes from is never used as is twice. */
const LABEL = 'journey-service/name-blind-index/v1';

/**
 * Bits kept of each word's HMAC: 65,536 tokens, so that a token stands for many names' words and
 * one found in the read model does not tell which word it was (docs/access-and-privacy.md,
 * "Searching sealed names").
 */
export const TOKEN_BITS = 16;

/**
 * The blind-index token of a name's word (nameWords), as CipherSweet's blind indexes: HMAC-SHA256
 * under a key derived from the deployment's pseudonym secret (every replica has the same), cut
 * to its first TOKEN_BITS bits. Equal words give equal tokens; the word cannot be read back, nor
 * a guess checked without the secret, and the truncation makes a token match many words.
 */
export function nameTokenizer(pseudonymSecret: string): (word: string) => number {
  const key = nameIndexKey(pseudonymSecret);
  return (word) => createHmac('sha256', key).update(word, 'utf8').digest().readUIntBE(0, TOKEN_BITS / 8);
}

/** The HMAC key of the index, derived from the pseudonym secret with a label of its own. */
export const nameIndexKey = (pseudonymSecret: string): Buffer => Buffer.from(hkdfSync('sha256', pseudonymSecret, Buffer.alloc(0), LABEL, 32));
