import { type INestApplication, Logger } from '@nestjs/common';
import type { HttpDrain } from './http-drain';

/**
 * How long a stop waits for the requests in flight, and then for the rest to close: an orchestrator
 * usually kills after 30 s (Kubernetes' terminationGracePeriodSeconds), so both fit well within.
 */
export const STOP_BOUND_MS = 10_000;

const logger = new Logger('Journey service');

/**
 * On a stop signal, in this order: the port closes and requests read from then on are refused
 * (SHUTTING_DOWN), the requests in flight are answered (at most STOP_BOUND_MS), then the app
 * closes: subscriptions (1001 Going Away), the projections between two batches, the database;
 * then exit 0. (Nest's own shutdown hooks close the port only after the database, and would
 * re-raise the signal, so the exit would read as a failure.)
 */
export function stopGracefullyOn(app: INestApplication, http: HttpDrain, signals: NodeJS.Signals[]): void {
  const stop = async (signal: NodeJS.Signals) => {
    // A second signal then ends the process at once, for an operator who will not wait.
    for (const other of signals) process.off(other, stop);
    logger.log(`${signal}: stopping, once the requests in flight are answered`);
    const cutOff = await http.drain(STOP_BOUND_MS);
    if (cutOff > 0) {
      logger.warn(`${cutOff} requests still unanswered after ${STOP_BOUND_MS / 1000} s were cut off: their clients retry them with their commandId`);
    }
    if (!(await closesWithin(app, STOP_BOUND_MS))) {
      logger.warn(`Closing took over ${STOP_BOUND_MS / 1000} s: exiting without waiting (every answered mutation is already on disk)`);
    }
    logger.log('Stopped');
    process.exit(0);
  };
  for (const signal of signals) process.once(signal, stop);
}

/** Answers whether the app closed within `ms`; a WebSocket client that never acknowledges 1001 would hold it 30 s. */
async function closesWithin(app: INestApplication, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([app.close().then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
