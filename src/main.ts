import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config';
import { PortInUse, startService } from './start-service';

async function main(): Promise<void> {
  const { url } = await startService(loadConfig(process.env));
  new Logger('Journey service').log(`GraphQL API at ${url}`);
}

main().catch((error: unknown) => {
  // A bad setting or a busy port is the operator's to fix: say which, without a stack trace.
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error instanceof PortInUse ? error.message : error);
  process.exit(1);
});
