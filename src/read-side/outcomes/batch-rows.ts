import { addKey, type Cell } from '../../outcomes/cell';

/**
 * The rows a batch changes without reading them (sums to add, stamps to move), merged in memory by
 * row and written once when the batch is flushed, however many of its events change them: a
 * counter's row is then written once per batch, not once per participant's event. Nothing
 * outlives the batch: `flush` and `discard` both forget every row.
 */
export class BatchRows<T> {
  private readonly held = new Map<string, T>();

  constructor(
    /** The row's change after `held` then `next`; may update `held` in place, which only this class holds. */
    private readonly merge: (held: T, next: T) => T,
    private readonly write: (row: T) => void,
  ) {}

  /** `row` is the change of the row named `id`: a fresh object, which the batch then owns. */
  add(id: string, row: T): void {
    const held = this.held.get(id);
    this.held.set(id, held === undefined ? row : this.merge(held, row));
  }

  /** Writes every row the batch changed, in the order first changed; forgets them all first, so that a failed write leaves nothing behind. */
  flush(): void {
    const rows = [...this.held.values()];
    this.held.clear();
    for (const row of rows) this.write(row);
  }

  discard(): void {
    this.held.clear();
  }
}

/** Merges changes of a sum and its key sum (cell.ts): they add up. */
export const addedCells = <T extends Cell>(held: T, next: T): T => {
  held.n += next.n;
  held.key = addKey(held.key, next.key);
  return held;
};

/** A change of nothing: a batch's changes of a row that cancel out leave it as it was, and need no write. */
export const isNothing = ({ n, key }: Cell): boolean => n === 0 && key === 0;

/** Merges stamps: the batch's last event that changed the row is the one it keeps. */
export const latest = <T>(_held: T, next: T): T => next;
