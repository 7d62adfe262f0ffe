import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { BACKUP_EXIT_CODES, BackupError } from '../backup/backup-error';
import { oneFolder, runBackupCommandLine } from '../backup/backup-command-line';
import { restoreBackup } from '../backup/restore-backup';
import { loadConfig } from '../config/config';

const USAGE = 'Usage: npm run restore -- <backup folder> [--to <events file>] [--keys-to <key vault file>] [--force]';

/**
 * `npm run restore -- DIR`: checks a backup and puts it in place of the files `npm start` would
 * use (EVENT_STORE_URL sqlite:…, KEY_VAULT_FILE), or of those given, then says what to do next.
 */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { to: { type: 'string' }, 'keys-to': { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const dir = oneFolder(positionals, USAGE);
  const config = loadConfig(process.env);
  const configured = config.eventStore.kind === 'sqlite' ? config.eventStore.file : null;
  const eventStoreFile = values.to ?? configured;
  if (eventStoreFile === null) {
    throw new BackupError(
      'CLUSTER_MODE',
      'EVENT_STORE_URL is an EventStoreDB cluster: restore it with its own backup (docs/deployment.md, "Backups in cluster mode"), or give --to <file>',
      BACKUP_EXIT_CODES.usage,
    );
  }
  const keyVaultFile = values['keys-to'] ?? config.keyVaultFile;
  const { manifest, erasedSince } = await restoreBackup(dir, { eventStoreFile, keyVaultFile }, values.force, process.stdout);
  const settings = [`EVENT_STORE_URL=sqlite:${eventStoreFile}`, ...(keyVaultFile === null ? [] : [`KEY_VAULT_FILE=${keyVaultFile}`])].join(' ');
  console.log(`
Restored the backup taken ${manifest.startedAt}, up to the event at position ${manifest.lastPosition}. Next:
  1. Start the service on it: ${settings} npm start
  2. ${eraseAgain(manifest.startedAt, erasedSince)}
  3. The read models came with the events and agree with them. Whenever in doubt, rebuild them from
     the log: npm run projections:rebuild`);
}

/** What to erase again: the backup brought back the keys of participants erased since it was taken. */
function eraseAgain(takenAt: string, erasedSince: string[] | null): string {
  const why = 'the backup brought their keys back, and erasing them again shreds them (docs/operations.md, "Backups and erasure")';
  if (erasedSince === null) return `Erase again every participant erased since ${takenAt}: ${why}.`;
  if (erasedSince.length === 0) return 'The log replaced erased no participant after the backup: nothing to erase again.';
  return `Erase again the participants the log replaced erased after the backup (erasePersonalData): ${why}.\n${erasedSince.map((id) => `     ${id}`).join('\n')}`;
}

runBackupCommandLine(main, USAGE);
