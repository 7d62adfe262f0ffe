import { randomUUID } from 'node:crypto';
import { enrolmentInput, mutation, PARTICIPANT_QUERY } from '../support/journey-api';
import { appForTests } from '../support/test-app';

describe('retries and concurrent advisers (e2e, real app on a SQLite file)', () => {
  const api = appForTests();

  const coaching = (participantId: string, extra: Record<string, unknown> = {}) => ({
    input: { participantId, occurredOn: '2007-04-03', mode: 'GROUP', durationMinutes: 60, ...extra },
  });

  async function enrol(): Promise<string> {
    const input = enrolmentInput();
    const res = await api.gql(mutation('enrolParticipant'), { input });
    expect(res.errors).toBeUndefined();
    return input.participantId as string;
  }

  it('records a command sent twice with the same commandId once, and answers the same case', async () => {
    const participantId = await enrol();
    const commandId = randomUUID();
    const first = await api.gql(mutation('recordCoachingSession'), coaching(participantId, { commandId, expectedVersion: 1 }));
    // The retry still carries the version the client saw before its first try.
    const retry = await api.gql(mutation('recordCoachingSession'), coaching(participantId, { commandId, expectedVersion: 1 }));
    expect(first.errors).toBeUndefined();
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.recordCoachingSession).toEqual(first.data!.recordCoachingSession);
    expect(retry.data!.recordCoachingSession.version).toBe(2);
  });

  it('treats an enrolment retried with the same participantId and commandId as one enrolment', async () => {
    const input = enrolmentInput({ commandId: randomUUID() });
    const first = await api.gql(mutation('enrolParticipant'), { input });
    const retry = await api.gql(mutation('enrolParticipant'), { input });
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.enrolParticipant).toEqual(first.data!.enrolParticipant);
    const other = await api.gql(mutation('enrolParticipant'), { input: { ...input, commandId: randomUUID() } });
    expect(other.errors![0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ALREADY_ENROLLED' });
  });

  it('generates a participant id when the client gives none', async () => {
    const { participantId: _, ...input } = enrolmentInput();
    const res = await api.gql(mutation('enrolParticipant'), { input });
    expect(res.data!.enrolParticipant.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets exactly one of many advisers who saw the same version record, and tells the others the current one', async () => {
    const participantId = await enrol();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api.gql(mutation('recordCoachingSession'), coaching(participantId, { expectedVersion: 1 }))),
    );
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const { data } = await api.gql(PARTICIPANT_QUERY, { id: participantId });
    expect(data!.participant.version).toBe(2);
  });

  it('records every concurrent milestone sent without an expected version', async () => {
    const participantId = await enrol();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api.gql(mutation('recordCoachingSession'), coaching(participantId))),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const { data } = await api.gql(PARTICIPANT_QUERY, { id: participantId });
    expect(data!.participant.version).toBe(21);
    expect(data!.participant.timeline.map((m: { sequence: number }) => m.sequence)).toEqual(
      Array.from({ length: 21 }, (_, i) => i + 1),
    );
  });
});
