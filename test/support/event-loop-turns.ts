/** The event loop's turns, counted once in each for as long as it runs: code that yields lets the count grow between two of its steps. */
export interface EventLoopTurns {
  readonly count: number;
  stop(): void;
}

export function countTurns(): EventLoopTurns {
  let count = 0;
  let turning = true;
  const turn = (): void => {
    count += 1;
    if (turning) setImmediate(turn);
  };
  setImmediate(turn);
  return {
    get count() {
      return count;
    },
    stop: () => {
      turning = false;
    },
  };
}

/** Holds the event loop for `ms`, as a slice of a long read or a batch being folded does. */
export function holdEventLoop(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}
