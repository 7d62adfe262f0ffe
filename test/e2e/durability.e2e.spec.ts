import { randomUUID } from 'node:crypto';
import { postGraphQL } from '../support/graphql-client';
import { enrolmentInput, mutation, PARTICIPANT_QUERY } from '../support/journey-api';
import { startServiceProcess } from '../support/service-process';
import { tempDir } from '../support/temp-files';
import { defaultBearer } from '../support/tokens';

interface Acknowledged {
  participantId: string;
  version: number;
  kind: string;
}

describe('durability: every acknowledged mutation survives kill -9 (e2e, the built service as a child process)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('finds after a restart every mutation acknowledged before SIGKILL', async () => {
    const env = { EVENT_STORE_URL: `sqlite:${tmp.file('journeys.db')}` };
    const auth = { authorization: await defaultBearer() };
    const first = await startServiceProcess(env);
    const acknowledged: Acknowledged[] = [];
    const participants: string[] = [];
    for (let i = 0; i < 10; i++) {
      const input = enrolmentInput();
      const res = await postGraphQL(first.url, mutation('enrolParticipant'), { input }, auth);
      expect(res.errors).toBeUndefined();
      participants.push(input.participantId as string);
      acknowledged.push({ participantId: input.participantId as string, version: 1, kind: 'ENROLLED' });
    }

    // A burst in flight when the process dies: only what was answered must be there afterwards.
    const burst = Array.from({ length: 200 }, (_, i) => {
      const participantId = participants[i % participants.length];
      return postGraphQL(first.url, mutation('recordCoachingSession'), {
        input: { participantId, commandId: randomUUID(), occurredOn: '2007-04-02', mode: 'GROUP', durationMinutes: 30 },
      }, auth).then(
        (res) => {
          if (!res.errors) acknowledged.push({ participantId, version: res.data!.recordCoachingSession.version, kind: 'COACHING_SESSION' });
          if (acknowledged.length === 40) first.child.kill('SIGKILL');
        },
        () => undefined, // cut off by the kill
      );
    });
    await Promise.all(burst);
    expect(await first.exited).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const second = await startServiceProcess(env);
    try {
      for (const { participantId, version, kind } of acknowledged) {
        const { data } = await postGraphQL(second.url, PARTICIPANT_QUERY, { id: participantId }, auth);
        const found = data!.participant;
        expect(found.version).toBeGreaterThanOrEqual(version);
        expect(found.timeline[version - 1]).toMatchObject({ sequence: version, kind });
      }
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
