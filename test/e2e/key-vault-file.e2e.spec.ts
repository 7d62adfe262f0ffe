import { existsSync, readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { enrolmentInput, mutation, PARTICIPANT_QUERY, PERSON } from '../support/journey-api';
import { appForTests, startTestApp } from '../support/test-app';
import { tempDir } from '../support/temp-files';

const filesOf = (file: string) => [file, `${file}-wal`, `${file}-shm`].filter(existsSync);
const bytesOf = (file: string) => Buffer.concat(filesOf(file).map((f) => readFileSync(f)));
const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

function tablesOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  } finally {
    db.close();
  }
}

describe('KEY_VAULT_FILE: participants’ keys in a file of their own, apart from the data (e2e, real app, real files)', () => {
  // Another folder, as an operator would put the keys on another volume than the data.
  const keys = tempDir('journey-keys-');
  const keyVaultFile = keys.file('vault/keys.db');
  const api = appForTests({ KEY_VAULT_FILE: keyVaultFile });
  afterAll(() => keys.remove());

  it('keeps no key in the event store’s file, opens personal data with the vault’s, and erases by shredding it there', async () => {
    const enrolment = enrolmentInput();
    const participantId = enrolment.participantId as string;
    expect((await api.gql(mutation('enrolParticipant'), { input: enrolment })).errors).toBeUndefined();
    expect((await api.gql(PARTICIPANT_QUERY, { id: participantId })).data!.participant.personal).toEqual(PERSON);

    expect(tablesOf(api.file)).not.toContain('participant_keys');
    expect(tablesOf(keyVaultFile)).toContain('participant_keys');
    const vault = new Database(keyVaultFile, { readonly: true });
    const { key } = vault.prepare('SELECT key FROM participant_keys WHERE participant_id = ?').get(participantId) as { key: Buffer };
    vault.close();
    expect(bytesOf(api.file).includes(key)).toBe(false);
    expect(bytesOf(keyVaultFile).includes(key)).toBe(true);
    // Each database file with its write-ahead log and shared-memory index.
    const files = [...filesOf(api.file), ...filesOf(keyVaultFile)];
    expect(files).toHaveLength(6);
    expect(files.map(modeOf)).toEqual(files.map(() => '600'));

    const erased = await api.gql(mutation('erasePersonalData'), { input: { participantId, reason: 'Asked by the participant' } });
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.erasePersonalData).toMatchObject({ personal: null, personalDataErased: true });
    expect(bytesOf(keyVaultFile).includes(key)).toBe(false);

    await api.restart();
    expect((await api.gql(PARTICIPANT_QUERY, { id: participantId })).data!.participant).toMatchObject({ personal: null, personalDataErased: true });
  });

  it('refuses to start while the event store’s file still holds keys: a vault started empty beside them would lose them all', async () => {
    const folder = tempDir();
    try {
      const file = folder.file('journeys.db');
      const before = await startTestApp(file);
      await before.gql(mutation('enrolParticipant'), { input: enrolmentInput() });
      await before.close();

      await expect(startTestApp(file, { KEY_VAULT_FILE: folder.file('keys.db') })).rejects.toThrow(/still holds participants' keys/);
    } finally {
      folder.remove();
    }
  });
});
