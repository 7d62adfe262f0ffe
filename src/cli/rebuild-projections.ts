import 'reflect-metadata';
import { BUILT_IN_CATALOGUE } from '../catalogue/built-in-catalogue';
import { loadCatalogueFile } from '../catalogue/catalogue-file';
import { ConfigError, loadConfig } from '../config/config';
import { runRebuildCommand } from '../projections/rebuild-command';
import { buildProjections } from '../read-side/projections.registry';

/** `npm run projections:rebuild [-- name…]`: safe while the service runs on the same file. */
async function main(): Promise<number> {
  const config = loadConfig(process.env);
  // The same catalogue and registry as the service, so that the rebuilt read models are the ones it would build.
  const catalogue = config.programmesFile ? loadCatalogueFile(config.programmesFile) : BUILT_IN_CATALOGUE;
  return runRebuildCommand(process.argv.slice(2), {
    databaseFile: config.eventStore.file,
    projections: buildProjections(catalogue),
    stdout: process.stdout,
    stderr: process.stderr,
  });
}

main().then(
  (code) => {
    // exitCode rather than exit(): let the last progress lines reach a pipe.
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : `Rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
