import { randomUUID } from 'node:crypto';
import { enrolmentInput, type JourneyMutation, mutation, PARTICIPANT_QUERY } from '../support/journey-api';
import { appForTests } from '../support/test-app';

/** Journeys the refused commands are tried on. */
type Setup = 'active' | 'exited' | 'inTraining' | 'erased';

interface RefusedCase {
  title: string;
  setup: Setup;
  name: JourneyMutation;
  input: Record<string, unknown>;
  code: string;
  rule?: string;
  field?: string;
}

// Two days after UTC's: after every city's today, whatever the hour (a city's day may be ahead of UTC's).
const afterToday = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const longText = 'x'.repeat(2001);

const REFUSED: RefusedCase[] = [
  // Rules of the journey (docs/journey-rules.md).
  { title: 'enrolling an existing participant', setup: 'active', name: 'enrolParticipant', input: {}, code: 'RULE_VIOLATION', rule: 'ALREADY_ENROLLED' },
  { title: 'a milestone before the enrolment', setup: 'active', name: 'recordCoachingSession', input: { occurredOn: '2007-01-02', mode: 'GROUP', durationMinutes: 60 }, code: 'RULE_VIOLATION', rule: 'DATE_BEFORE_ENROLMENT' },
  { title: 'a date after today', setup: 'active', name: 'recordCoachingSession', input: { occurredOn: afterToday, mode: 'GROUP', durationMinutes: 60 }, code: 'RULE_VIOLATION', rule: 'DATE_IN_FUTURE' },
  { title: 'coaching after the exit', setup: 'exited', name: 'recordCoachingSession', input: { occurredOn: '2007-09-01', mode: 'GROUP', durationMinutes: 60 }, code: 'RULE_VIOLATION', rule: 'NOT_ACTIVE' },
  { title: 'completing an activity that is not running', setup: 'active', name: 'completeActivity', input: { occurredOn: '2007-04-01', activity: 'JOB_CLUB', result: 'COMPLETED' }, code: 'RULE_VIOLATION', rule: 'ACTIVITY_NOT_STARTED' },
  { title: 'starting an activity that is running', setup: 'inTraining', name: 'startActivity', input: { occurredOn: '2007-04-01', activity: 'IT_TRAINING' }, code: 'RULE_VIOLATION', rule: 'ACTIVITY_ALREADY_STARTED' },
  { title: 'an exit for employment without a job', setup: 'active', name: 'recordExit', input: { occurredOn: '2007-04-01', reason: 'EMPLOYMENT' }, code: 'RULE_VIOLATION', rule: 'EXIT_WITHOUT_OUTCOME' },
  { title: 'a follow-up while active', setup: 'active', name: 'recordFollowUp', input: { occurredOn: '2007-04-01', monthsAfterExit: 6, status: 'EMPLOYED' }, code: 'RULE_VIOLATION', rule: 'FOLLOW_UP_BEFORE_EXIT' },
  { title: 're-enrolling an active participant', setup: 'active', name: 'reEnrolParticipant', input: { occurredOn: '2007-04-01' }, code: 'RULE_VIOLATION', rule: 'NOT_EXITED' },
  { title: 're-enrolling before the exit', setup: 'exited', name: 'reEnrolParticipant', input: { occurredOn: '2007-04-01' }, code: 'RULE_VIOLATION', rule: 'DATE_BEFORE_EXIT' },
  { title: 'a note after erasure', setup: 'erased', name: 'recordCoachingSession', input: { occurredOn: '2007-04-01', mode: 'GROUP', durationMinutes: 60, note: 'Asked about pension' }, code: 'RULE_VIOLATION', rule: 'ERASED' },
  // Input errors: nothing could make these valid.
  { title: 'an unknown city', setup: 'active', name: 'enrolParticipant', input: { participantId: 'new', city: 'lyon' }, code: 'BAD_USER_INPUT', field: 'city' },
  { title: 'a programme of another city', setup: 'active', name: 'enrolParticipant', input: { participantId: 'new', programme: 'frankfurt-kompass' }, code: 'BAD_USER_INPUT', field: 'programme' },
  { title: 'a partner of another city', setup: 'active', name: 'referToPartner', input: { occurredOn: '2007-04-01', partner: 'kompass' }, code: 'BAD_USER_INPUT', field: 'partner' },
  { title: 'a provider not in the catalogue', setup: 'active', name: 'startActivity', input: { occurredOn: '2007-04-01', activity: 'JOB_CLUB', provider: 'nobody' }, code: 'BAD_USER_INPUT', field: 'provider' },
  { title: 'a NACE section outside A-U', setup: 'active', name: 'recordJobStart', input: { occurredOn: '2007-04-01', contractType: 'PERMANENT', employerType: 'SME', sector: 'Z' }, code: 'BAD_USER_INPUT', field: 'sector' },
  { title: 'a birth year before 1930', setup: 'active', name: 'enrolParticipant', input: { participantId: 'new', birthYear: 1929 }, code: 'BAD_USER_INPUT', field: 'birthYear' },
  { title: 'a birth year of someone under 40', setup: 'active', name: 'enrolParticipant', input: { participantId: 'new', birthYear: new Date().getUTCFullYear() - 39 }, code: 'BAD_USER_INPUT', field: 'birthYear' },
  { title: 'a coaching session of 0 minutes', setup: 'active', name: 'recordCoachingSession', input: { occurredOn: '2007-04-01', mode: 'GROUP', durationMinutes: 0 }, code: 'BAD_USER_INPUT', field: 'durationMinutes' },
  { title: 'a coaching session over 600 minutes', setup: 'active', name: 'recordCoachingSession', input: { occurredOn: '2007-04-01', mode: 'GROUP', durationMinutes: 601 }, code: 'BAD_USER_INPUT', field: 'durationMinutes' },
  { title: 'a job of 61 hours a week', setup: 'active', name: 'recordJobStart', input: { occurredOn: '2007-04-01', contractType: 'PERMANENT', employerType: 'SME', sector: 'J', weeklyHours: 61 }, code: 'BAD_USER_INPUT', field: 'weeklyHours' },
  { title: 'a follow-up 37 months after exit', setup: 'exited', name: 'recordFollowUp', input: { occurredOn: '2008-01-01', monthsAfterExit: 37, status: 'EMPLOYED' }, code: 'BAD_USER_INPUT', field: 'monthsAfterExit' },
  { title: 'a blank full name', setup: 'active', name: 'enrolParticipant', input: { participantId: 'new', personal: { fullName: '   ' } }, code: 'BAD_USER_INPUT', field: 'personal.fullName' },
  { title: 'a malformed email', setup: 'active', name: 'enrolParticipant', input: { participantId: 'new', personal: { fullName: 'A B', email: 'not-an-email' } }, code: 'BAD_USER_INPUT', field: 'personal.email' },
  { title: 'a note over 2,000 characters', setup: 'active', name: 'recordCoachingSession', input: { occurredOn: '2007-04-01', mode: 'GROUP', durationMinutes: 60, note: longText }, code: 'BAD_USER_INPUT', field: 'note' },
  { title: 'an impossible date', setup: 'active', name: 'recordCoachingSession', input: { occurredOn: '2007-02-30', mode: 'GROUP', durationMinutes: 60 }, code: 'BAD_USER_INPUT', field: 'occurredOn' },
  { title: 'an unknown enum value', setup: 'active', name: 'recordCoachingSession', input: { occurredOn: '2007-04-01', mode: 'PHONE', durationMinutes: 60 }, code: 'BAD_USER_INPUT', field: 'mode' },
  { title: 'a malformed participant id', setup: 'active', name: 'recordCoachingSession', input: { participantId: 'p-1', occurredOn: '2007-04-01', mode: 'GROUP', durationMinutes: 60 }, code: 'BAD_USER_INPUT', field: 'participantId' },
  // Concurrency and existence.
  { title: 'a stale expected version', setup: 'active', name: 'recordCoachingSession', input: { expectedVersion: 1, occurredOn: '2007-04-01', mode: 'GROUP', durationMinutes: 60 }, code: 'CONFLICT' },
  { title: 'an unknown participant', setup: 'active', name: 'recordCoachingSession', input: { participantId: randomUUID(), occurredOn: '2007-04-01', mode: 'GROUP', durationMinutes: 60 }, code: 'NOT_FOUND' },
];

describe('refused commands (e2e, real app on a SQLite file): a code, and nothing stored', () => {
  const api = appForTests();

  async function record(name: JourneyMutation, input: Record<string, unknown>): Promise<void> {
    const res = await api.gql(mutation(name), { input });
    expect(res.errors).toBeUndefined();
  }

  /** A participant enrolled on 2007-03-12 with one more milestone, so that a stale version exists. */
  async function participantIn(setup: Setup): Promise<string> {
    const participantId = randomUUID();
    await record('enrolParticipant', enrolmentInput({ participantId }));
    await record('recordCoachingSession', { participantId, occurredOn: '2007-03-15', mode: 'INDIVIDUAL', durationMinutes: 45 });
    if (setup === 'exited') await record('recordExit', { participantId, occurredOn: '2007-06-01', reason: 'DROPPED_OUT' });
    if (setup === 'inTraining') await record('startActivity', { participantId, occurredOn: '2007-03-20', activity: 'IT_TRAINING' });
    if (setup === 'erased') await record('erasePersonalData', { participantId, reason: 'Asked by the participant' });
    return participantId;
  }

  const versionOf = async (id: string): Promise<number | null> =>
    (await api.gql(PARTICIPANT_QUERY, { id })).data!.participant?.version ?? null;

  it.each(REFUSED)('$title: $code', async ({ setup, name, input, code, rule, field }) => {
    const participantId = await participantIn(setup);
    const before = await versionOf(participantId);
    const newId = randomUUID();
    const base = name === 'enrolParticipant' ? enrolmentInput({ participantId }) : { participantId };
    const sent: Record<string, unknown> = { ...base, ...input, ...(input.participantId === 'new' ? { participantId: newId } : {}) };

    const res = await api.gql(mutation(name), { input: sent });

    expect(res.data?.[name] ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors!;
    expect(error.extensions?.code).toBe(code);
    if (rule) expect(error.extensions?.rule).toBe(rule);
    if (field) expect(error.extensions?.fieldErrors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    if (code === 'CONFLICT') expect(error.extensions?.currentVersion).toBe(before);
    expect(JSON.stringify(error)).not.toMatch(/stack|at .*\.(ts|js):\d+|Marchetti/);
    expect(await versionOf(participantId)).toBe(before);
    expect(await versionOf(newId)).toBeNull();
  });
});
