import { readFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { enrolmentInput, mutation, PARTICIPANT_QUERY, PERSON } from '../support/journey-api';
import { appForTests } from '../support/test-app';
import { eventually } from '../support/eventually';
import type { KeyVault } from '../../src/personal-data/key-vault.port';
import { KEY_VAULT } from '../../src/storage/storage.tokens';

/** Every byte the store keeps on disk: the database file and its write-ahead log. */
function storedBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

const NOTE = 'Lives with her daughter in Montreuil; back pain since 2005.';
const SECRETS = [PERSON.fullName, PERSON.email, PERSON.phone, NOTE];

describe('erasure of personal data by crypto-shredding (e2e, real app, bytes of the real file)', () => {
  const api = appForTests();

  it('never writes personal data in clear, and leaves neither it nor its key anywhere once erased', async () => {
    const enrolment = enrolmentInput({ note: NOTE });
    const participantId = enrolment.participantId as string;
    await api.gql(mutation('enrolParticipant'), { input: enrolment });
    await api.gql(mutation('recordCoachingSession'), {
      input: { participantId, occurredOn: '2007-04-01', mode: 'INDIVIDUAL', durationMinutes: 60, note: NOTE },
    });
    const before = await api.gql(PARTICIPANT_QUERY, { id: participantId });
    expect(before.data!.participant.personal).toEqual(PERSON);
    expect(before.data!.participant.timeline[1].note).toBe(NOTE);

    for (const secret of SECRETS) expect(storedBytes(api.file).includes(secret)).toBe(false);
    const reader = new Database(api.file, { readonly: true });
    const { key } = reader.prepare('SELECT key FROM participant_keys WHERE participant_id = ?').get(participantId) as { key: Buffer };
    reader.close();
    expect(storedBytes(api.file).includes(key)).toBe(true);

    const erased = await api.gql(mutation('erasePersonalData'), { input: { participantId, reason: 'Asked by the participant' } });
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.erasePersonalData).toMatchObject({ version: 3, personal: null, personalDataErased: true });
    expect(erased.data!.erasePersonalData.timeline.map((m: { note: string | null }) => m.note)).toEqual([null, null, null]);
    expect(erased.data!.erasePersonalData.timeline[2]).toMatchObject({ kind: 'PERSONAL_DATA_ERASED', summary: 'Personal data erased' });

    // A reader of the file (a release computed in slices, the read models' verification) may hold
    // the write-ahead log for a moment: the key's removal from it is then retried, and reported until done.
    const vault = api.app.get<KeyVault>(KEY_VAULT);
    await eventually("the erased key's copies are removed", async () => (await vault.pendingRemovals()).count === 0);
    const bytes = storedBytes(api.file);
    expect(bytes.includes(key)).toBe(false);
    for (const secret of SECRETS) expect(bytes.includes(secret)).toBe(false);

    await api.restart();
    const after = await api.gql(PARTICIPANT_QUERY, { id: participantId });
    expect(after.data!.participant).toMatchObject({ personal: null, personalDataErased: true, version: 3 });
    expect(after.data!.participant.profile.birthYear).toBe(1953);
  });

  it('keeps recording the journey without notes after erasure', async () => {
    const enrolment = enrolmentInput();
    const participantId = enrolment.participantId as string;
    await api.gql(mutation('enrolParticipant'), { input: enrolment });
    await api.gql(mutation('erasePersonalData'), { input: { participantId, reason: 'Asked by the participant' } });
    const job = await api.gql(mutation('recordJobStart'), {
      input: { participantId, occurredOn: '2007-05-02', contractType: 'TIME_SHARE', employerType: 'EMPLOYER_GROUP', sector: 'M' },
    });
    expect(job.errors).toBeUndefined();
    expect(job.data!.recordJobStart).toMatchObject({ version: 3, personal: null });
    // Erasing again answers the erased case, and records nothing more.
    const again = await api.gql(mutation('erasePersonalData'), { input: { participantId, reason: 'Second request' } });
    expect(again.errors).toBeUndefined();
    expect(again.data!.erasePersonalData).toMatchObject({ version: 3, personal: null, personalDataErased: true });
  });
});
