import { createServer } from 'node:net';
import { type INestApplication, Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import type { AppConfig } from './config/config';

/** The port the service is to listen on is taken by another process. */
export class PortInUse extends Error {
  override readonly name = 'PortInUse';
  constructor(readonly port: number) {
    super(`Port ${port} is already in use; set PORT to a free one`);
  }
}

const logger = new Logger('Journey service');

/**
 * Starts the service and answers its GraphQL URL. `prepare` runs once the app is initialised
 * (projections started) and before it accepts requests.
 */
export async function startService(
  config: AppConfig,
  prepare: (app: INestApplication) => Promise<void> = async () => undefined,
): Promise<{ app: INestApplication; url: string }> {
  // Before anything starts: Nest logs that it started at init, well before it listens.
  await assertPortFree(config.port);
  const app = await createApp(config);
  await app.init();
  await prepare(app);
  try {
    await app.listen(config.port);
  } catch (error) {
    // Taken since the check above, by a process that started meanwhile.
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new PortInUse(config.port) : error;
  }
  stopGracefullyOn(app, ['SIGTERM', 'SIGINT']);
  return { app, url: `${(await app.getUrl()).replace('[::1]', 'localhost')}/graphql` };
}

/** Listens on the port as Nest will (every address) and lets it go at once. */
function assertPortFree(port: number): Promise<void> {
  // Port 0 asks the system for any free port.
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUse(port) : error));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/**
 * On a stop signal: no new connections, in-flight requests finish, subscriptions close, the
 * projections stop between two batches, the database closes; then exit 0. (Nest's own shutdown
 * hooks would re-raise the signal, and the exit would read as a failure.)
 */
function stopGracefullyOn(app: INestApplication, signals: NodeJS.Signals[]): void {
  const stop = async (signal: NodeJS.Signals) => {
    // A second signal then ends the process at once, for an operator who will not wait.
    for (const other of signals) process.off(other, stop);
    logger.log(`${signal}: stopping, once the requests in flight are answered`);
    await app.close();
    logger.log('Stopped');
    process.exit(0);
  };
  for (const signal of signals) process.once(signal, stop);
}
