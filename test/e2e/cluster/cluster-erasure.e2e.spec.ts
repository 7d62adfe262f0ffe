import { enrolmentInput, mutation, PARTICIPANT_QUERY, PERSON } from '../../support/journey-api';
import { type Replica, twoReplicasForTests } from '../../support/replicas';
import { eventually } from '../../support/eventually';

const NOTE = 'Lives with her daughter in Montreuil; back pain since 2005.';

describe('erasure in cluster mode: two replicas on one EventStoreDB (the protocol double; a real server with EVENTSTORE_TEST_URL)', () => {
  const cluster = twoReplicasForTests();

  const caseOn = async (replica: Replica, participantId: string): Promise<Record<string, any>> =>
    (await replica.gql(PARTICIPANT_QUERY, { id: participantId })).data!.participant;

  it("tombstones the participant's key stream, after which neither replica opens their personal data or notes", async () => {
    const { first, second } = cluster;
    const enrolment = enrolmentInput({ note: NOTE });
    const participantId = enrolment.participantId as string;
    expect((await first.gql(mutation('enrolParticipant'), { input: enrolment })).errors).toBeUndefined();
    // Both replicas open the data once, so each holds the key in its cache when the erasure comes.
    for (const replica of [first, second]) {
      await eventually(`${replica.name} has the case`, async () => (await replica.gql(PARTICIPANT_QUERY, { id: participantId })).data?.participant != null);
      expect(await caseOn(replica, participantId)).toMatchObject({ personal: PERSON, timeline: [{ note: NOTE }] });
    }

    const erased = await first.gql(mutation('erasePersonalData'), { input: { participantId, reason: 'Asked by the participant' } });
    expect(erased.errors).toBeUndefined();

    expect(await cluster.esdb.isTombstoned(`personal-data-key-${participantId}`)).toBe(true);
    for (const replica of [first, second]) {
      await eventually(`${replica.name} has the erasure`, async () => (await caseOn(replica, participantId)).version === 2);
      const after = await caseOn(replica, participantId);
      expect(after).toMatchObject({ personal: null, personalDataErased: true });
      expect(after.timeline.map((m: { note: string | null }) => m.note)).toEqual([null, null]);
    }
    const note = await second.gql(mutation('recordCoachingSession'), {
      input: { participantId, occurredOn: '2007-04-02', mode: 'INDIVIDUAL', durationMinutes: 45, note: 'Another note' },
    });
    expect(note.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ERASED' });
  });
});
