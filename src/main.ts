import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from './config/config';
import { exitOnStartFailure } from './start-failure';
import { startService } from './start-service';

async function main(): Promise<void> {
  const { url } = await startService(loadConfig(process.env));
  new Logger('Journey service').log(`GraphQL API at ${url}`);
}

main().catch(exitOnStartFailure);
