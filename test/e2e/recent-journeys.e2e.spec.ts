import { randomUUID } from 'node:crypto';
import { caseMutation, CASE_FIELDS, enrolmentInput, mutation, PARTICIPANT_QUERY } from '../support/journey-api';
import { appForTests, startTestApp, type TestApp } from '../support/test-app';

/**
 * The recording path keeps recent participants' streams in memory (RecentJourneys). Another
 * process on the same SQLite file (a second app, as a second replica or the import would be)
 * appends behind that memory's back: the next command must still see the stream as it is.
 */
describe('recent journeys kept in memory, with a second writer on the same file (e2e, two real apps on one SQLite file)', () => {
  const api = appForTests();
  let other: TestApp;

  beforeAll(async () => {
    other = await startTestApp(api.file);
  });

  afterAll(async () => {
    await other.close();
  });

  const coaching = (participantId: string, extra: Record<string, unknown> = {}) => ({
    input: { participantId, occurredOn: '2007-04-03', mode: 'GROUP', durationMinutes: 60, ...extra },
  });

  /** Enrols on the app under test and records one session there: its memory then holds the stream at version 2. */
  async function rememberedAtVersion2(): Promise<string> {
    const input = enrolmentInput();
    const participantId = input.participantId as string;
    expect((await api.gql(mutation('enrolParticipant'), { input })).errors).toBeUndefined();
    const recorded = await api.gql(mutation('recordCoachingSession'), coaching(participantId, { expectedVersion: 1 }));
    expect(recorded.data!.recordCoachingSession.version).toBe(2);
    return participantId;
  }

  async function behindItsBack(name: Parameters<typeof caseMutation>[0], input: Record<string, unknown>): Promise<Record<string, any>> {
    const response = await other.gql(caseMutation(name, CASE_FIELDS), { input });
    expect(response.errors).toBeUndefined();
    return response.data![name];
  }

  it('refuses the version it remembers once another writer moved the stream, with the current version, as before', async () => {
    const participantId = await rememberedAtVersion2();
    await behindItsBack('recordCoachingSession', coaching(participantId).input);
    const stale = await api.gql(mutation('recordCoachingSession'), coaching(participantId, { expectedVersion: 2 }));
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 3 });
    expect(stale.data?.recordCoachingSession ?? null).toBeNull();
    const { data } = await api.gql(PARTICIPANT_QUERY, { id: participantId });
    expect(data!.participant.version).toBe(3);
  });

  it("accepts the stream's current version, which it did not remember, and answers every event", async () => {
    const participantId = await rememberedAtVersion2();
    await behindItsBack('recordCoachingSession', coaching(participantId).input);
    const current = await api.gql(mutation('recordCoachingSession'), coaching(participantId, { expectedVersion: 3 }));
    expect(current.errors).toBeUndefined();
    expect(current.data!.recordCoachingSession.version).toBe(4);
    expect(current.data!.recordCoachingSession.timeline.map((m: { sequence: number }) => m.sequence)).toEqual([1, 2, 3, 4]);
  });

  it('appends a command without an expected version after the events it did not remember', async () => {
    const participantId = await rememberedAtVersion2();
    await behindItsBack('recordCoachingSession', coaching(participantId).input);
    await behindItsBack('recordCoachingSession', coaching(participantId).input);
    const answer = await api.gql(mutation('recordCoachingSession'), coaching(participantId));
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.recordCoachingSession.version).toBe(5);
    const stored = await other.gql(PARTICIPANT_QUERY, { id: participantId });
    expect(stored.data!.participant.timeline.map((m: { sequence: number }) => m.sequence)).toEqual([1, 2, 3, 4, 5]);
  });

  it('decides on the rules of the stream as it is: an exit recorded elsewhere refuses a session, and allows a follow-up', async () => {
    const participantId = await rememberedAtVersion2();
    await behindItsBack('recordExit', { participantId, occurredOn: '2007-06-30', reason: 'DROPPED_OUT' });
    const session = await api.gql(mutation('recordCoachingSession'), coaching(participantId, { occurredOn: '2007-07-02' }));
    expect(session.errors![0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'NOT_ACTIVE' });
    const followUp = await api.gql(mutation('recordFollowUp'), {
      input: { participantId, occurredOn: '2007-12-30', monthsAfterExit: 6, status: 'UNEMPLOYED', expectedVersion: 3 },
    });
    expect(followUp.errors).toBeUndefined();
    expect(followUp.data!.recordFollowUp).toMatchObject({ version: 4, status: 'EXITED' });
  });

  it('answers a retry whose first try another writer recorded, and records it once', async () => {
    const participantId = await rememberedAtVersion2();
    const commandId = randomUUID();
    await behindItsBack('recordCoachingSession', coaching(participantId, { commandId }).input);
    const retry = await api.gql(mutation('recordCoachingSession'), coaching(participantId, { commandId }));
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.recordCoachingSession.version).toBe(3);
    const { data } = await api.gql(PARTICIPANT_QUERY, { id: participantId });
    expect(data!.participant.version).toBe(3);
  });

  it('refuses a note once another writer erased the personal data, and records the journey without it', async () => {
    const participantId = await rememberedAtVersion2();
    await behindItsBack('erasePersonalData', { participantId, reason: 'Asked by the participant' });
    const noted = await api.gql(mutation('recordCoachingSession'), coaching(participantId, { note: 'Called back on Monday.' }));
    expect(noted.errors![0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ERASED' });
    const plain = await api.gql(mutation('recordCoachingSession'), coaching(participantId));
    expect(plain.errors).toBeUndefined();
    expect(plain.data!.recordCoachingSession).toMatchObject({ version: 4, personal: null, personalDataErased: true });
  });

  it('applies a correction made elsewhere to the milestones the next correction replays', async () => {
    const participantId = await rememberedAtVersion2();
    await behindItsBack('voidMilestone', { participantId, sequence: 2, reason: 'Recorded on the wrong participant', expectedVersion: 2 });
    // Sequence 2 is void in the stream: correcting it is refused as the stream, not the memory, says.
    const corrected = await api.gql(caseMutation('correctMilestone', CASE_FIELDS), {
      input: { participantId, sequence: 2, occurredOn: '2007-04-04', reason: 'Wrong date', expectedVersion: 3 },
    });
    expect(corrected.errors![0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'MILESTONE_VOIDED' });
    const note = await api.gql(caseMutation('addNote', CASE_FIELDS), { input: { participantId, writtenOn: '2007-04-20', text: 'Session moved to May.', expectedVersion: 3 } });
    expect(note.errors).toBeUndefined();
    expect(note.data!.addNote.version).toBe(4);
  });
});
