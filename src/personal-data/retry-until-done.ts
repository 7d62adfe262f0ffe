import { type RetryPolicy, retryDelay } from '../projections/retry-delay';

/**
 * Runs an attempt now and, while it does not finish, again on a timer with a growing delay. The
 * attempt must not wait (it runs on the event loop); one timer at most is pending at a time.
 */
export class RetryUntilDone {
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;

  /** `attempt` answers whether the work is done. */
  constructor(
    private readonly attempt: () => boolean,
    private readonly policy: RetryPolicy,
  ) {}

  /** Tries now; if the work is not done, tries again later until it is. */
  run(): void {
    if (this.stopped) return;
    if (this.attempt()) {
      this.failures = 0;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      return;
    }
    this.failures += 1;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, retryDelay(this.failures, this.policy));
    // Pending work is recorded where it is kept, and taken up again at the next start: it must not hold the process.
    this.timer.unref();
  }

  /** No attempt after this one. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
