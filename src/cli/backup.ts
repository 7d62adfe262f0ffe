import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { BACKUP_EXIT_CODES, BackupError } from '../backup/backup-error';
import { oneFolder, runBackupCommandLine } from '../backup/backup-command-line';
import { backupStore } from '../backup/backup-store';
import { loadConfig } from '../config/config';

const USAGE = 'Usage: npm run backup -- <new or empty folder>';

/** `npm run backup -- DIR`: a consistent copy of the embedded store's files while the service runs (docs/operations.md). */
async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const dir = oneFolder(positionals, USAGE);
  const config = loadConfig(process.env);
  if (config.eventStore.kind !== 'sqlite') {
    throw new BackupError(
      'CLUSTER_MODE',
      'EVENT_STORE_URL is an EventStoreDB cluster, which holds the events and the keys: back it up with its own backup ' +
        '(docs/deployment.md, "Backups in cluster mode"). This replica keeps only read models, which npm run projections:rebuild folds again from the cluster',
      BACKUP_EXIT_CODES.usage,
    );
  }
  const manifest = await backupStore({ eventStoreFile: config.eventStore.file, keyVaultFile: config.keyVaultFile }, dir, process.stdout);
  const events = manifest.files.find((file) => file.role === 'events')!.counts.events;
  console.log(`Backed up ${events} events (last position ${manifest.lastPosition}) and ${manifest.files.length} file(s) to ${dir}, manifest.json last`);
}

runBackupCommandLine(main, USAGE);
