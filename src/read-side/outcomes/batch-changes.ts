import { addKey, type Cell } from '../../outcomes/cell';
import type { SurvivalKind } from '../../outcomes/survival';

/** A survival tally's change: its entry (kind and key) and the change of its count and key sum. */
export interface TallyChange extends Cell {
  kind: SurvivalKind;
  entry: string;
}

/**
 * What a batch changed of one scope's figures in one period ('' for the live ones): each counter's
 * and tally's change summed over the batch's events, and the last of those events.
 */
export interface PeriodChange {
  scope: string;
  period: string;
  /** By counter name. */
  counters: Map<string, Cell>;
  /** By kind and key. */
  tallies: Map<string, TallyChange>;
  position: bigint;
  recordedAt: string;
}

/**
 * The changes of figures a batch makes, summed in memory by scope and period, so that each row of
 * a counter, a tally or a stamp is written once when the batch is flushed, not once per event.
 * Nothing outlives the batch: `take` and `discard` both forget every change.
 */
export class BatchChanges {
  private readonly held = new Map<string, Map<string, PeriodChange>>();

  /** The scope's change in `period`, stamped with the event at `position` recorded at `recordedAt`, which changes it. */
  of(scope: string, period: string, position: bigint, recordedAt: string): PeriodChange {
    let periods = this.held.get(scope);
    if (periods === undefined) this.held.set(scope, (periods = new Map()));
    let change = periods.get(period);
    if (change === undefined) periods.set(period, (change = { scope, period, counters: new Map(), tallies: new Map(), position, recordedAt }));
    change.position = position;
    change.recordedAt = recordedAt;
    return change;
  }

  /** Every change of the batch, in the order first made; forgets them all, so that a failed write leaves nothing behind. */
  take(): PeriodChange[] {
    const changes = [...this.held.values()].flatMap((periods) => [...periods.values()]);
    this.held.clear();
    return changes;
  }

  discard(): void {
    this.held.clear();
  }
}

/** Adds `delta` participants of record key `recordKey` to a counter's change. */
export function addToCounter(change: PeriodChange, counter: string, delta: number, recordKey: number): void {
  const cell = change.counters.get(counter);
  if (cell === undefined) change.counters.set(counter, { n: delta, key: addKey(0, recordKey, delta) });
  else {
    cell.n += delta;
    cell.key = addKey(cell.key, recordKey, delta);
  }
}

/** The same for a survival tally. */
export function addToTally(change: PeriodChange, kind: SurvivalKind, entry: string, delta: number, recordKey: number): void {
  const id = `${kind}\t${entry}`;
  const tally = change.tallies.get(id);
  if (tally === undefined) change.tallies.set(id, { kind, entry, n: delta, key: addKey(0, recordKey, delta) });
  else {
    tally.n += delta;
    tally.key = addKey(tally.key, recordKey, delta);
  }
}

/** A change of nothing: a batch's changes of a row that cancel out leave it as it was, and need no write. */
export const isNothing = ({ n, key }: Cell): boolean => n === 0 && key === 0;
