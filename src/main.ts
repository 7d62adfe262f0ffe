import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config';
import { startService } from './start-service';

async function main(): Promise<void> {
  const { url } = await startService(loadConfig(process.env));
  new Logger('Journey service').log(`GraphQL API at ${url}`);
}

main().catch((error: unknown) => {
  // A bad setting is the operator's to fix: say which, without a stack trace.
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
