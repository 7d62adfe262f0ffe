import { createHmac, hkdfSync } from 'node:crypto';
import type { Publish } from './cell';
import { perturb } from './perturbation-table';

/** Names what the derived key is for: the pseudonym secret it comes from is never used as is twice. */
const LABEL = 'journey-service/cell-key/v1';

/**
 * Researchers' view of a count (docs/access-and-privacy.md, "Figures for researchers"): the cell
 * key is HMAC-SHA256, under a key derived from PSEUDONYM_SECRET, of the cell's key sum (the sum of
 * its contributors' record keys), read as a number in [0, 2^32); the perturbation table turns the
 * true count and that cell key into the published count. The same contributors always give the
 * same cell key, hence the same published count: asking again, or the same cell in another
 * dashboard, tells nothing new; a cell with one contributor more or less has an unrelated key.
 */
export function cellKeyMethod(pseudonymSecret: string): Publish {
  const key = Buffer.from(hkdfSync('sha256', pseudonymSecret, Buffer.alloc(0), LABEL, 32));
  const sum = Buffer.alloc(4);
  return ({ n, key: keySum }) => {
    if (n <= 0) return 0;
    sum.writeUInt32BE(keySum);
    return perturb(n, createHmac('sha256', key).update(sum).digest().readUInt32BE(0));
  };
}
