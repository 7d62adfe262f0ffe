import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/config';
import { printServedSchema } from '../graphql/print-schema';

/** `npm run schema`: regenerates schema/schema.graphql from the code. */
async function main(): Promise<void> {
  const app = await createApp(loadConfig({ EVENT_STORE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' }));
  await app.init();
  writeFileSync('schema/schema.graphql', printServedSchema(app));
  await app.close();
}

void main();
