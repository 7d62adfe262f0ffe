import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createApp } from './app.factory';
import type { Clock } from './clock/clock';
import type { AppConfig } from './config/config';
import { stopGracefullyOn } from './lifecycle/graceful-shutdown';
import { HttpDrain } from './lifecycle/http-drain';

/** The port the service is to listen on is taken by another process. */
export class PortInUse extends Error {
  override readonly name = 'PortInUse';
  constructor(readonly port: number) {
    super(`Port ${port} is already in use; set PORT to a free one`);
  }
}

/**
 * Starts the service and answers its GraphQL URL. `prepare` runs once the app is initialised
 * (projections started) and before it accepts requests. The clock is the system's unless given.
 */
export async function startService(
  config: AppConfig,
  prepare: (app: INestApplication) => Promise<void> = async () => undefined,
  clock?: Clock,
): Promise<{ app: INestApplication; url: string }> {
  // Before anything starts: Nest logs that it started at init, well before it listens.
  await assertPortFree(config.port);
  const app = await createApp(config, clock);
  const http = new HttpDrain(app.getHttpServer());
  // Before init adds the routes: once a stop began, a request is refused before anything of it runs.
  app.use(http.refuseWhileStopping);
  await app.init();
  await prepare(app);
  try {
    await app.listen(config.port);
  } catch (error) {
    // Taken since the check above, by a process that started meanwhile.
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new PortInUse(config.port) : error;
  }
  stopGracefullyOn(app, http, ['SIGTERM', 'SIGINT']);
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
