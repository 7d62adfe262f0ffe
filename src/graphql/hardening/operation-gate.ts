/** Every slot is taken and the queue is full, or the wait for a slot was too long. */
export class ServiceBusy extends Error {
  override readonly name = 'ServiceBusy';
  readonly retryAfterSeconds = 1;
  constructor() {
    super('The service is busy: try again in a second');
  }
}

/** How long an operation waits for a slot before it is refused: a client retries sooner than a slow answer. */
const MAX_WAIT_MS = 2_000;
/** Operations that may wait for a slot, per slot. */
const WAITING_PER_SLOT = 2;

/**
 * At most `slots` GraphQL operations run at once; a few more wait their turn, in order, and the
 * rest are refused (ServiceBusy) at once. Reads of SQLite hold the event loop: without a bound,
 * a flood of heavy queries would also hold back `/health/live` and every other caller.
 * (rate-limiter-flexible limits rates, not operations in flight.)
 */
export class OperationGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  /** Waits for a slot; answers the function that gives it back (once). */
  async enter(): Promise<() => void> {
    if (this.running < this.slots) {
      this.running++;
      return this.exit();
    }
    if (this.waiting.length >= this.slots * WAITING_PER_SLOT) throw new ServiceBusy();
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        reject(new ServiceBusy());
      }, this.maxWaitMs);
      this.waiting.push(turn);
    });
    // The slot was handed over by the operation that left it: `running` did not change.
    return this.exit();
  }

  private exit(): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }
}
