/** The largest change the table makes to a count (D). */
export const MAX_PERTURBATION = 2;

/** Probabilities are whole sixtieths, so that a cell key picks a row's entry without rounding. */
export const SLOTS = 60;

/** One possible published value of a count, and how many of the 60 slots publish it. */
interface PerturbationEntry {
  published: number;
  slots: number;
}

/**
 * The perturbation table (ptable) of the cell key method, by true count n ≥ 1 (0 stays 0: no
 * contributors, no key). Every row publishes within D = 2 of n, never below 0, never 1 or 2 (a
 * published 0 or 3 may stem from 1 or 2), and is unbiased: its expected value is n.
 *
 * | n  | published (probability)                                    |
 * | 1  | 0 (2/3), 3 (1/3)                                           |
 * | 2  | 0 (1/3), 3 (2/3)                                           |
 * | 3  | 3 (1): 0 is beyond D and 1, 2 are not published, so any change would bias it |
 * | 4  | 3 (1/4), 4 (1/2), 5 (1/4)                                  |
 * | ≥5 | n−2 (1/10), n−1 (1/5), n (2/5), n+1 (1/5), n+2 (1/10)      |
 */
export function perturbationRow(n: number): PerturbationEntry[] {
  switch (n) {
    case 1:
      return [{ published: 0, slots: 40 }, { published: 3, slots: 20 }];
    case 2:
      return [{ published: 0, slots: 20 }, { published: 3, slots: 40 }];
    case 3:
      return [{ published: 3, slots: 60 }];
    case 4:
      return [{ published: 3, slots: 15 }, { published: 4, slots: 30 }, { published: 5, slots: 15 }];
    default:
      return [
        { published: n - 2, slots: 6 },
        { published: n - 1, slots: 12 },
        { published: n, slots: 24 },
        { published: n + 1, slots: 12 },
        { published: n + 2, slots: 6 },
      ];
  }
}

/**
 * The published value of a true count `n` whose cell key is `cellKey` / 2^32: the entry of n's
 * row whose slots hold the cell key. The same n and cell key always give the same value.
 */
export function perturb(n: number, cellKey: number): number {
  if (n <= 0) return 0;
  // cellKey < 2^32, so cellKey · 60 < 2^38: exact in a double.
  let slot = Math.floor((cellKey * SLOTS) / 2 ** 32);
  for (const { published, slots } of perturbationRow(n)) {
    if (slot < slots) return published;
    slot -= slots;
  }
  throw new Error(`Cell key ${cellKey} is outside [0, 2^32)`);
}
