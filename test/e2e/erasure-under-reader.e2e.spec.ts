import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { enrolmentInput, mutation, PARTICIPANT_QUERY } from '../support/journey-api';
import { appForTests } from '../support/test-app';

const OPERATIONS_TOKEN = 'operators-only-token-of-the-erasure-tests';

/** Which of the store's files hold `bytes`, read raw from disk. */
function filesHolding(file: string, bytes: Buffer): string[] {
  return [file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f) && readFileSync(f).includes(bytes));
}

describe('erasure while another process holds a read transaction on the file (e2e, real app, bytes of the real files)', () => {
  const api = appForTests({ OPERATIONS_TOKEN });

  const asOperator = async (path: string) => {
    const response = await fetch(api.url.replace(/\/graphql$/, path), { headers: { authorization: `Bearer ${OPERATIONS_TOKEN}` } });
    return response.text();
  };
  const pendingInMetrics = async () => Number(/^journey_erasures_pending_removal (\d+)$/m.exec(await asOperator('/metrics'))?.[1]);
  const pendingInReadiness = async () => JSON.parse(await asOperator('/health/ready')).details.erasures;

  it('answers success at once, makes the data unreadable at once, and removes the key from every file once the reader goes', async () => {
    const enrolment = enrolmentInput();
    const participantId = enrolment.participantId as string;
    expect((await api.gql(mutation('enrolParticipant'), { input: enrolment })).errors).toBeUndefined();
    // A second connection to the file, as a backup or an operator's sqlite3 shell opens it.
    const reader = new Database(api.file, { readonly: true });
    const { key } = reader.prepare('SELECT key FROM participant_keys WHERE participant_id = ?').get(participantId) as { key: Buffer };
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM events').get();
    const commandId = randomUUID();
    const erase = { input: { participantId, commandId, reason: 'Asked by the participant' } };

    try {
      const erased = await api.gql(mutation('erasePersonalData'), erase);
      expect(erased.errors).toBeUndefined();
      expect(erased.data!.erasePersonalData).toMatchObject({ version: 2, personal: null, personalDataErased: true });

      const read = await api.gql(PARTICIPANT_QUERY, { id: participantId });
      expect(read.data!.participant).toMatchObject({ personal: null, personalDataErased: true });
      expect(read.data!.participant.timeline.map((m: { note: string | null }) => m.note)).toEqual([null, null]);
      // The reader's snapshot still holds the key's page: the removal waits for it.
      expect(filesHolding(api.file, key)).not.toEqual([]);
      expect(await pendingInMetrics()).toBe(1);
      expect(await asOperator('/metrics')).toMatch(/^journey_erasure_pending_removal_oldest_seconds \d/m);
      expect(await pendingInReadiness()).toMatchObject({ status: 'up', pendingRemoval: 1, oldestPendingSince: expect.any(String) });

      // A client's retry, with the same commandId or without one, answers the erased case and records nothing.
      for (const again of [erase, { input: { participantId, reason: 'Asked again' } }]) {
        const retried = await api.gql(mutation('erasePersonalData'), again);
        expect(retried.errors).toBeUndefined();
        expect(retried.data!.erasePersonalData).toMatchObject({ version: 2, personal: null, personalDataErased: true });
      }
    } finally {
      reader.exec('COMMIT');
      reader.close();
    }

    while ((await pendingInMetrics()) !== 0) await sleep(100);
    expect(filesHolding(api.file, key)).toEqual([]);
    expect(await pendingInReadiness()).toMatchObject({ status: 'up', pendingRemoval: 0, oldestPendingSince: null });
    const after = await api.gql(PARTICIPANT_QUERY, { id: participantId });
    expect(after.data!.participant).toMatchObject({ version: 2, personal: null, personalDataErased: true });
  });
});
