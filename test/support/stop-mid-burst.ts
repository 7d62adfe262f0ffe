import { randomUUID } from 'node:crypto';
import { postGraphQL } from './graphql-client';
import { enrolmentInput, mutation, PARTICIPANT_QUERY } from './journey-api';
import { type ServiceProcess, startServiceProcess } from './service-process';
import { defaultBearer } from './tokens';

interface Acknowledged {
  participantId: string;
  version: number;
  kind: string;
}

/**
 * Sends the built service a burst of mutations and a signal in the middle of it, once `after`
 * mutations were acknowledged; restarts it on the same file and checks that every acknowledged
 * mutation is there. Answers how the first process ended and how many mutations were answered.
 */
export async function stopMidBurst(
  databaseFile: string,
  signal: NodeJS.Signals,
  after = 40,
): Promise<{ exit: number | string; acknowledged: number }> {
  const env = { EVENT_STORE_URL: `sqlite:${databaseFile}` };
  const auth = { authorization: await defaultBearer() };
  const first = await startServiceProcess(env);
  const acknowledged: Acknowledged[] = [];
  const participants: string[] = [];
  for (let i = 0; i < 10; i++) {
    const input = enrolmentInput();
    const res = await postGraphQL(first.url, mutation('enrolParticipant'), { input }, auth);
    if (res.errors) throw new Error(`Enrolment refused: ${JSON.stringify(res.errors)}`);
    participants.push(input.participantId as string);
    acknowledged.push({ participantId: input.participantId as string, version: 1, kind: 'ENROLLED' });
  }

  // In flight when the signal comes: only what was answered must be there afterwards.
  const burst = Array.from({ length: 200 }, (_, i) => {
    const participantId = participants[i % participants.length];
    const input = { participantId, commandId: randomUUID(), occurredOn: '2007-04-02', mode: 'GROUP', durationMinutes: 30 };
    return postGraphQL(first.url, mutation('recordCoachingSession'), { input }, auth).then(
      (res) => {
        if (!res.errors) acknowledged.push({ participantId, version: res.data!.recordCoachingSession.version, kind: 'COACHING_SESSION' });
        if (acknowledged.length === after) first.child.kill(signal);
      },
      () => undefined, // refused or cut off by the stop
    );
  });
  await Promise.all(burst);
  const exit = await first.exited;
  await expectAllStored(env, auth, acknowledged);
  return { exit, acknowledged: acknowledged.length };
}

async function expectAllStored(env: Record<string, string>, auth: Record<string, string>, acknowledged: Acknowledged[]): Promise<void> {
  const second: ServiceProcess = await startServiceProcess(env);
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
}
