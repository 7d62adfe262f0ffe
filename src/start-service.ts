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
  return { app, url: `${(await app.getUrl()).replace('[::1]', 'localhost')}/graphql` };
}
