import type { INestApplication } from '@nestjs/common';
import { createApp } from './app.factory';
import type { AppConfig } from './config/config';

/**
 * Starts the service and answers its GraphQL URL. `prepare` runs once the app is initialised
 * (projections started) and before it accepts requests.
 */
export async function startService(
  config: AppConfig,
  prepare: (app: INestApplication) => Promise<void> = async () => undefined,
): Promise<{ app: INestApplication; url: string }> {
  const app = await createApp(config);
  await app.init();
  await prepare(app);
  await app.listen(config.port);
  stopGracefullyOn(app, ['SIGTERM', 'SIGINT']);
  return { app, url: `${(await app.getUrl()).replace('[::1]', 'localhost')}/graphql` };
}

/**
 * On a stop signal: no new connections, in-flight requests finish, subscriptions close, the
 * projections stop between two batches, the database closes; then exit 0. (Nest's own shutdown
 * hooks would re-raise the signal, and the exit would read as a failure.)
 */
function stopGracefullyOn(app: INestApplication, signals: NodeJS.Signals[]): void {
  const stop = async () => {
    // A second signal then ends the process at once, for an operator who will not wait.
    for (const signal of signals) process.off(signal, stop);
    await app.close();
    process.exit(0);
  };
  for (const signal of signals) process.once(signal, stop);
}
