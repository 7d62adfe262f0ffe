import { randomUUID } from 'node:crypto';
import { CASE_FIELDS, enrolmentInput, mutation, PARTICIPANT_QUERY, PERSON } from '../support/journey-api';
import { appForTests } from '../support/test-app';

describe('a journey recorded over GraphQL (e2e, real app on a SQLite file)', () => {
  const api = appForTests();

  it('records a whole journey from enrolment to a 6-month follow-up', async () => {
    const enrolment = enrolmentInput();
    const participantId = enrolment.participantId as string;
    const enrolled = await api.gql(mutation('enrolParticipant'), { input: enrolment });
    expect(enrolled.errors).toBeUndefined();
    expect(enrolled.data!.enrolParticipant).toMatchObject({
      id: participantId,
      version: 1,
      city: 'paris',
      programme: 'paris-gatp',
      status: 'ACTIVE',
      enrolledOn: '2007-03-12',
      personal: PERSON,
      personalDataErased: false,
      profile: { birthYear: 1953, gender: 'FEMALE', lastSector: 'K', unemployedSince: '2006-09-01' },
    });

    const steps: [Parameters<typeof mutation>[0], Record<string, unknown>][] = [
      ['recordCoachingSession', { occurredOn: '2007-03-20', mode: 'INDIVIDUAL', durationMinutes: 90, note: 'CV reviewed' }],
      ['startActivity', { occurredOn: '2007-04-02', activity: 'IT_TRAINING', provider: 'carrefours-emploi' }],
      ['completeActivity', { occurredOn: '2007-05-25', activity: 'IT_TRAINING', result: 'COMPLETED' }],
      ['recordJobStart', { occurredOn: '2007-06-18', contractType: 'PERMANENT', employerType: 'SME', sector: 'J', weeklyHours: 35 }],
      ['recordExit', { occurredOn: '2007-06-30', reason: 'EMPLOYMENT' }],
      ['recordFollowUp', { occurredOn: '2007-12-30', monthsAfterExit: 6, status: 'EMPLOYED' }],
    ];
    let version = 1;
    for (const [name, input] of steps) {
      const res = await api.gql(mutation(name), { input: { participantId, expectedVersion: version, ...input } });
      expect(res.errors).toBeUndefined();
      version += 1;
      expect(res.data![name].version).toBe(version);
    }

    const { data } = await api.gql(PARTICIPANT_QUERY, { id: participantId });
    const found = data!.participant;
    expect(found).toMatchObject({
      version: 7,
      status: 'EXITED',
      exitedOn: '2007-06-30',
      exitReason: 'EMPLOYMENT',
      outcome: 'POSITIVE',
      activeActivities: [],
    });
    expect(found.timeline.map((m: { sequence: number; kind: string }) => [m.sequence, m.kind])).toEqual([
      [1, 'ENROLLED'],
      [2, 'COACHING_SESSION'],
      [3, 'ACTIVITY_STARTED'],
      [4, 'ACTIVITY_COMPLETED'],
      [5, 'JOB_STARTED'],
      [6, 'EXITED'],
      [7, 'FOLLOW_UP'],
    ]);
    expect(found.timeline[4]).toMatchObject({
      occurredOn: '2007-06-18',
      recordedBy: 'test-adviser',
      summary: 'Job started: PERMANENT, SME, sector J, 35 h/week',
      note: null,
    });
    expect(found.timeline[1].note).toBe('CV reviewed');
    expect(Date.parse(found.timeline[1].recordedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('lists the catalogue of cities with programmes, partners and targets', async () => {
    const { data } = await api.gql(`{ cities { code name country positiveExitTarget
      programmes { code city name targets { positiveExitRate jobReturnRate businessCreationRate } }
      partners { code name } } }`);
    expect(data!.cities.map((c: { code: string }) => c.code)).toEqual(['paris', 'frankfurt', 'stockholm']);
    const paris = data!.cities[0];
    expect(paris.programmes.find((p: { code: string }) => p.code === 'paris-rmi').targets).toEqual({
      positiveExitRate: null,
      jobReturnRate: 0.5,
      businessCreationRate: null,
    });
    expect(paris.partners.map((p: { code: string }) => p.code)).toContain('emmaus-france');
  });

  it('answers null for an unknown participant', async () => {
    const { data, errors } = await api.gql(PARTICIPANT_QUERY, { id: randomUUID() });
    expect(errors).toBeUndefined();
    expect(data!.participant).toBeNull();
  });

  it('keeps every case across a restart on the same file', async () => {
    const enrolment = enrolmentInput({ city: 'stockholm', programme: 'stockholm-test-group' });
    const before = await api.gql(mutation('enrolParticipant'), { input: enrolment });
    await api.restart();
    const after = await api.gql(`query ($id: ID!) { participant(id: $id) { ${CASE_FIELDS} } }`, { id: enrolment.participantId });
    expect(after.data!.participant).toEqual(before.data!.enrolParticipant);
  });
});
