import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from './config/config';
import { exitOnStartFailure } from './start-failure';
import { startService } from './start-service';
import { findDamagedFile } from './storage/damaged-database-file';
import { checkStorageFiles, storageFiles } from './storage/storage-files';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  checkStorageFiles(config);
  try {
    const { url } = await startService(config);
    new Logger('Journey service').log(`GraphQL API at ${url}`);
  } catch (error) {
    // Damage deeper in a file than its schema, met while starting (catching up the read models, say).
    throw findDamagedFile(error, storageFiles(config)) ?? error;
  }
}

main().catch(exitOnStartFailure);
