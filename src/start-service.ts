import { type AddressInfo, createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
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
  const host = await everyAddressOn(config.port);
  const app = await createApp(config, clock);
  const http = new HttpDrain(app.getHttpServer());
  // Before init adds the routes: once a stop began, a request is refused before anything of it runs.
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', http.refuseWhileStopping);
  await app.init();
  await prepare(app);
  try {
    await app.listen(config.port, host);
  } catch (error) {
    // Taken since the check above, by a process that started meanwhile.
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new PortInUse(config.port) : error;
  }
  stopGracefullyOn(app, http, ['SIGTERM', 'SIGINT']);
  return { app, url: `${(await app.getUrl()).replace('[::1]', 'localhost')}/graphql` };
}

/**
 * Listens on the port as Node does by default, on every address (IPv6 and IPv4, or IPv4 alone on a
 * machine without IPv6), lets it go at once, and answers that address for the service to listen
 * on: Fastify would listen on localhost only. Port 0 asks the system for any free port.
 */
function everyAddressOn(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUse(port) : error));
    probe.listen(port, () => {
      const { family } = probe.address() as AddressInfo;
      probe.close(() => resolve(family === 'IPv6' ? '::' : '0.0.0.0'));
    });
  });
}
