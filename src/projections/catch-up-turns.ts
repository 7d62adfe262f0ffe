import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Turns of the event loop handed out one at a time, to the runner's loops while they catch up.
 * Folding a whole batch holds the event loop (a few tenths of a second at a million participants),
 * and loops that ask for their next turn in the same one would otherwise fold their batches one
 * after the other in the next, with no request taken in between: asked in the same turn, they get
 * successive ones, each after the network's input has been read.
 */
export class CatchUpTurns {
  private last: Promise<void> = Promise.resolve();

  /** Resolves in a turn of the event loop of its own, after those handed out before. */
  next(): Promise<void> {
    const turn = this.last.then(() => nextTurn());
    this.last = turn;
    return turn;
  }
}
