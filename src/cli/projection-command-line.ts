import { BUILT_IN_CATALOGUE } from '../catalogue/built-in-catalogue';
import { loadCatalogueFile } from '../catalogue/catalogue-file';
import { ConfigError, loadConfig } from '../config/config';
import type { ProjectionCommandContext } from '../projections/projection-command';
import { buildProjections } from '../read-side/projections.registry';

/**
 * Runs a projections command on the process's arguments and settings, and sets the exit code it
 * resolves with; `failed` names what failed when it throws (exit code 1).
 */
export function runProjectionCommandLine(
  command: (names: readonly string[], context: ProjectionCommandContext) => Promise<number>,
  failed: string,
): void {
  const run = async (): Promise<number> => {
    const config = loadConfig(process.env);
    // The same catalogue and registry as the service, so that the read models are the ones it would build.
    const catalogue = config.programmesFile ? loadCatalogueFile(config.programmesFile) : BUILT_IN_CATALOGUE;
    return command(process.argv.slice(2), {
      readModelFile: config.readModelFile,
      eventStoreDb: config.eventStore.kind === 'esdb' ? config.eventStore.connectionString : undefined,
      keyVaultFile: config.keyVaultFile ?? undefined,
      projections: (keys) => buildProjections(catalogue, { keys, pseudonymSecret: config.pseudonymSecret }),
      stdout: process.stdout,
      stderr: process.stderr,
    });
  };
  run().then(
    (code) => {
      // exitCode rather than exit(): let the last progress lines reach a pipe.
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : `${failed}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
