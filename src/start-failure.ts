import { ConfigError } from './config/config';
import { PortInUse } from './start-service';

/** A bad setting or a busy port is the operator's to fix: one line says which, without a stack trace. */
export function exitOnStartFailure(error: unknown): never {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error instanceof PortInUse ? error.message : error);
  process.exit(1);
}
