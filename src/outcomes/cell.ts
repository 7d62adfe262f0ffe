/**
 * A published count and what protects it (docs/access-and-privacy.md, cell key method): `n` is the
 * true count, a sum of participants' contributions; `key` the sum of each contributor's record key
 * times its contribution, mod 2^32. Both are sums, so both are kept by the same deltas.
 */
export interface Cell {
  n: number;
  key: number;
}

/** Record keys and key sums are integers mod 2^32: a cell key in [0, 1) is key / 2^32. */
export const KEY_MODULUS = 2 ** 32;

/** A key sum plus `times` a record key (times may be negative: a contribution taken back). */
export const addKey = (sum: number, recordKey: number, times = 1): number =>
  (((sum + recordKey * times) % KEY_MODULUS) + KEY_MODULUS) % KEY_MODULUS;

export const addCells = (a: Cell, b: Cell, sign: 1 | -1 = 1): Cell => ({ n: a.n + sign * b.n, key: addKey(a.key, b.key, sign) });

export const EMPTY_CELL: Cell = { n: 0, key: 0 };

/** How a viewer sees a count: exactly, or perturbed by the cell key method. */
export type Publish = (cell: Cell) => number;

/** Advisers, coordinators and admins see every figure as it is. */
export const exactly: Publish = (cell) => cell.n;
