import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { runStoreCli } from '../support/backup-cli';
import { enrolmentInput, mutation, PARTICIPANT_QUERY, PERSON } from '../support/journey-api';
import { startTestApp, type TestApp } from '../support/test-app';
import { tempDir } from '../support/temp-files';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const manifestOf = (dir: string) => JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
/** The first line of standard error: `CODE: message`. */
const refusal = (stderr: string): string => stderr.split('\n')[0]!;

/** Changes a file of a backup and writes its new size and checksum in the manifest, as a forger would: only the deeper checks can tell. */
function rewriteBackedUpFile(dir: string, name: string, change: (file: string) => void): void {
  const file = `${dir}/${name}`;
  change(file);
  const manifest = manifestOf(dir);
  const entry = manifest.files.find((f: { name: string }) => f.name === name);
  Object.assign(entry, { bytes: statSync(file).size, sha256: sha256(file) });
  writeFileSync(`${dir}/manifest.json`, JSON.stringify(manifest));
}

describe('npm run backup and npm run restore (e2e, the built commands as child processes, the real app on real files)', () => {
  const tmp = tempDir();
  const data = tmp.file('data/journeys.db');
  const keys = tmp.file('keys/vault.db');
  const env = { EVENT_STORE_URL: `sqlite:${data}`, KEY_VAULT_FILE: keys };
  let app: TestApp;
  const enrolled: string[] = [];
  let erased: string;
  /** A good backup of the running app, taken once. */
  const backupDir = tmp.file('backups/first');

  beforeAll(async () => {
    app = await startTestApp(data, { KEY_VAULT_FILE: keys });
    for (let i = 0; i < 3; i++) {
      const input = enrolmentInput();
      expect((await app.gql(mutation('enrolParticipant'), { input })).errors).toBeUndefined();
      enrolled.push(input.participantId as string);
    }
    erased = enrolled[2]!;
    const erasure = await app.gql(mutation('erasePersonalData'), { input: { participantId: erased, reason: 'Asked by the participant' } });
    expect(erasure.errors).toBeUndefined();
  });
  afterAll(async () => {
    await app.close();
    tmp.remove();
  });

  it('backs up both files with KEY_VAULT_FILE, events first, and the restored pair opens every key and keeps the erasure', async () => {
    const backup = await runStoreCli('backup.js', [backupDir], env);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(backupDir).sort()).toEqual(['events.db', 'keys.db', 'manifest.json']);
    expect(readdirSync(backupDir).map((name) => modeOf(`${backupDir}/${name}`))).toEqual(['600', '600', '600']);
    expect(modeOf(backupDir)).toBe('700');
    const manifest = manifestOf(backupDir);
    expect(manifest).toMatchObject({
      format: 'journey-service-backup',
      version: 1,
      files: [
        { name: 'events.db', role: 'events', source: data, counts: { events: Number(manifest.lastPosition), streams: 3 }, sha256: sha256(`${backupDir}/events.db`) },
        { name: 'keys.db', role: 'keys', source: keys, counts: { keys: 2, shreddedKeys: 1 }, sha256: sha256(`${backupDir}/keys.db`) },
      ],
    });
    expect(backup.stdout.indexOf('Copying events')).toBeLessThan(backup.stdout.indexOf('Copying keys'));

    const restoredData = tmp.file('restored/journeys.db');
    const restoredKeys = tmp.file('restored-keys/vault.db');
    const restore = await runStoreCli('restore.js', [backupDir, '--to', restoredData, '--keys-to', restoredKeys], env);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(restore.stdout).toContain(`EVENT_STORE_URL=sqlite:${restoredData} KEY_VAULT_FILE=${restoredKeys} npm start`);
    expect([modeOf(restoredData), modeOf(restoredKeys)]).toEqual(['600', '600']);

    const restored = await startTestApp(restoredData, { KEY_VAULT_FILE: restoredKeys });
    try {
      for (const id of enrolled.slice(0, 2)) expect((await restored.gql(PARTICIPANT_QUERY, { id })).data!.participant.personal).toEqual(PERSON);
      expect((await restored.gql(PARTICIPANT_QUERY, { id: erased })).data!.participant).toMatchObject({ personal: null, personalDataErased: true });
    } finally {
      await restored.close();
    }
  });

  it('refuses a damaged backup (a flipped byte) with a checksum error, and writes nothing', async () => {
    const damaged = tmp.file('backups/flipped');
    expect((await runStoreCli('backup.js', [damaged], env)).code).toBe(0);
    const file = `${damaged}/events.db`;
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(file, bytes);

    const target = tmp.file('from-flipped/journeys.db');
    const restore = await runStoreCli('restore.js', [damaged, '--to', target, '--keys-to', tmp.file('from-flipped/keys.db')], env);
    expect(restore.code).toBe(3);
    expect(refusal(restore.stderr)).toMatch(/^BACKUP_CHECKSUM_MISMATCH: .*events\.db is not the file the backup wrote/);
    expect(existsSync(tmp.file('from-flipped'))).toBe(false);
  });

  it('refuses a backup whose file SQLite finds damaged, or whose log has a gap, even when the manifest was made to match', async () => {
    const corrupt = tmp.file('backups/corrupt');
    expect((await runStoreCli('backup.js', [corrupt], env)).code).toBe(0);
    rewriteBackedUpFile(corrupt, 'events.db', (file) => {
      const bytes = readFileSync(file);
      // The second page onwards: SQLite's b-tree pages, never the header.
      bytes.fill(0x5a, 4096, bytes.length);
      writeFileSync(file, bytes);
    });
    const target = tmp.file('from-corrupt/journeys.db');
    const fromCorrupt = await runStoreCli('restore.js', [corrupt, '--to', target, '--keys-to', tmp.file('from-corrupt/keys.db')], env);
    expect(fromCorrupt.code).toBe(3);
    expect(refusal(fromCorrupt.stderr)).toMatch(/^BACKUP_INTEGRITY_CHECK_FAILED: /);
    expect(existsSync(tmp.file('from-corrupt'))).toBe(false);

    const gap = tmp.file('backups/gap');
    expect((await runStoreCli('backup.js', [gap], env)).code).toBe(0);
    rewriteBackedUpFile(gap, 'events.db', (file) => {
      const db = new Database(file);
      db.exec('DROP TRIGGER events_refuse_delete; DELETE FROM events WHERE global_position = 2');
      db.close();
    });
    const manifest = manifestOf(gap);
    const last = Number(manifest.lastPosition);
    manifest.files[0].counts.events = last - 1;
    writeFileSync(`${gap}/manifest.json`, JSON.stringify(manifest));
    const fromGap = await runStoreCli('restore.js', [gap, '--to', tmp.file('from-gap/journeys.db'), '--keys-to', tmp.file('from-gap/keys.db')], env);
    expect(fromGap.code).toBe(3);
    expect(refusal(fromGap.stderr)).toBe(
      `BACKUP_POSITIONS_NOT_CONTIGUOUS: The backup's log should hold positions 1 to ${last}; it holds ${last - 1} event(s), from 1 to ${last}`,
    );
  });

  it('refuses to overwrite an existing file without --force, and with it replaces the file and removes its stale -wal and -shm and its life-path releases', async () => {
    const target = tmp.file('existing/journeys.db');
    const targetKeys = tmp.file('existing/keys.db');
    mkdirSync(tmp.file('existing'));
    new Database(target).exec('CREATE TABLE older (x)').close();
    const before = sha256(target);

    const refused = await runStoreCli('restore.js', [backupDir, '--to', target, '--keys-to', targetKeys], env);
    expect(refused.code).toBe(2);
    expect(refusal(refused.stderr)).toBe(`TARGET_EXISTS: ${target} exists: stop the service and give --force to replace it (or --to another file)`);
    expect(sha256(target)).toBe(before);
    expect(readdirSync(tmp.file('existing'))).toEqual(['journeys.db']);

    writeFileSync(`${target}-wal`, 'left by a service that stopped');
    writeFileSync(`${target}-shm`, 'left by a service that stopped');
    // Computed from the replaced read models: served as the restored ones' if kept.
    writeFileSync(`${target}.life-path-releases`, 'releases of the replaced read models');
    writeFileSync(`${target}.life-path-releases-wal`, 'left by a service that stopped');
    const forced = await runStoreCli('restore.js', [backupDir, '--to', target, '--keys-to', targetKeys, '--force'], env);
    expect(forced).toMatchObject({ code: 0, stderr: '' });
    expect(forced.stdout).toContain('Keep the service stopped until this command ends (and whatever restarts it');
    expect(readdirSync(tmp.file('existing')).sort()).toEqual(['journeys.db', 'keys.db']);
    expect(sha256(target)).toBe(sha256(`${backupDir}/events.db`));
  });

  it('refuses, even with --force, to restore over a file the service has open', async () => {
    const before = sha256(keys);
    const restore = await runStoreCli('restore.js', [backupDir, '--force'], env);
    expect(restore.code).toBe(1);
    expect(refusal(restore.stderr)).toMatch(/^TARGET_IN_USE: .*journeys\.db is open in another process/);
    expect(sha256(keys)).toBe(before);
    expect((await app.gql(PARTICIPANT_QUERY, { id: enrolled[0] })).data!.participant.personal).toEqual(PERSON);
  });

  it('refuses, even with --force, a target it cannot tell is free (a folder where the file should be), and writes nothing', async () => {
    const target = tmp.file('unclear/journeys.db');
    mkdirSync(target, { recursive: true });

    const restore = await runStoreCli('restore.js', [backupDir, '--to', target, '--keys-to', tmp.file('unclear/keys.db'), '--force'], env);

    expect(restore.code).toBe(1);
    expect(refusal(restore.stderr)).toBe(`TARGET_NOT_CHECKABLE: Cannot tell whether ${target} is open in another process: it is not a file: make it a file the service's user can read and write, or restore --to another file`);
    expect(restore.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readdirSync(tmp.file('unclear'))).toEqual(['journeys.db']);
    expect(readdirSync(target)).toEqual([]);
  });

  it('with --force over a log that went on after the backup, names the participants it erased since, whose keys came back', async () => {
    const laterErased = enrolled[1]!;
    expect((await app.gql(mutation('erasePersonalData'), { input: { participantId: laterErased, reason: 'Asked by the participant' } })).errors).toBeUndefined();
    const later = tmp.file('backups/later');
    expect((await runStoreCli('backup.js', [later], env)).code).toBe(0);
    // The files a service ran on after the first backup: the later backup restored, and the service started and stopped on them.
    const current = { data: tmp.file('current/journeys.db'), keys: tmp.file('current/keys.db') };
    expect((await runStoreCli('restore.js', [later, '--to', current.data, '--keys-to', current.keys], env)).code).toBe(0);
    await (await startTestApp(current.data, { KEY_VAULT_FILE: current.keys })).close();

    const restore = await runStoreCli('restore.js', [backupDir, '--to', current.data, '--keys-to', current.keys, '--force'], env);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(restore.stdout).toContain(`Erase again the participants the log replaced erased after the backup (erasePersonalData): `);
    expect(restore.stdout).toContain(`\n     ${laterErased}\n`);
    expect(restore.stdout).not.toContain(erased);
  });

  it.each([
    ['a folder that holds a backup', () => [backupDir], {}, 1, /^BACKUP_DIR_HOLDS_BACKUP: .* already holds a backup/],
    ['a folder that holds something else', () => [tmp.dir], {}, 1, /^BACKUP_DIR_NOT_EMPTY: .* is not empty/],
    ['no folder', () => [], {}, 2, /^USAGE: Give one folder\. Usage: npm run backup -- /],
    ['an unknown option', () => ['--colour', 'red'], {}, 2, /^USAGE: Unknown option '--colour'/],
    ['a missing store', () => [tmp.file('backups/none')], { EVENT_STORE_URL: `sqlite:${tmp.file('nowhere.db')}`, KEY_VAULT_FILE: '' }, 1, /^SOURCE_MISSING: No database at .*nowhere\.db: check EVENT_STORE_URL$/],
    ['cluster mode', () => [tmp.file('backups/cluster')], { EVENT_STORE_URL: 'esdb://localhost:2113?tls=false', KEY_VAULT_FILE: '' }, 2, /^CLUSTER_MODE: .*docs\/deployment\.md, "Backups in cluster mode"/],
  ] as const)('backup refuses %s with a code and nothing written', async (_what, args, settings, exitCode, message) => {
    const run = await runStoreCli('backup.js', [...args()], { ...env, ...settings });
    expect(run).toMatchObject({ code: exitCode, stdout: '' });
    expect(refusal(run.stderr)).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(tmp.file('backups/none')) || existsSync(tmp.file('backups/cluster'))).toBe(false);
  });

  it('restore refuses a folder without a backup, and a backup with a key vault but nowhere to put it', async () => {
    const none = await runStoreCli('restore.js', [tmp.file('data'), '--to', tmp.file('x/journeys.db')], env);
    expect(none.code).toBe(3);
    expect(refusal(none.stderr)).toMatch(/^BACKUP_NOT_FOUND: No backup in .*data: it has no manifest\.json/);

    const nowhere = await runStoreCli('restore.js', [backupDir, '--to', tmp.file('x/journeys.db')], { ...env, KEY_VAULT_FILE: '' });
    expect(nowhere.code).toBe(2);
    expect(refusal(nowhere.stderr)).toMatch(/^KEY_VAULT_TARGET_MISSING: /);
    expect(existsSync(tmp.file('x'))).toBe(false);
  });
});
