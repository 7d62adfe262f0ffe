import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { BUILT_IN_CATALOGUE } from '../../src/catalogue/built-in-catalogue';
import { fakeClock } from '../support/fake-clock';
import type { GraphQLResponse } from '../support/graphql-client';
import { enrolmentInput, type JourneyMutation, mutation, PARTICIPANT_QUERY } from '../support/journey-api';
import { tempDir } from '../support/temp-files';
import { appForTests } from '../support/test-app';

// 23:30 UTC on 14 January: 00:30 on the 15th in Paris, Frankfurt and Stockholm (UTC+1 in winter).
const AT = '2025-01-14T23:30:00Z';
const UTC_DAY = '2025-01-14';
const EUROPE_DAY = '2025-01-15';
const TWO_DAYS_AHEAD = '2025-01-16';

// The built-in cities, and one whose entry in the file gives no time zone: UTC's day, not yet turned.
const DUBLIN = {
  code: 'dublin',
  name: 'Dublin',
  country: 'IE',
  positiveExitTarget: 0.5,
  programmes: [{ code: 'dublin-pilot', name: 'Pilot group' }],
  partners: [],
};

const CORRECT = `mutation ($input: CorrectMilestoneInput!) { correctMilestone(input: $input) { id version enrolledOn } }`;

describe("business dates in the participant's city's time zone (e2e, real app; the system clock faked: the machine's cannot be set)", () => {
  const files = tempDir('journey-time-zones-');
  const catalogueFile = files.file('catalogue.json');
  writeFileSync(catalogueFile, JSON.stringify({ ...BUILT_IN_CATALOGUE, cities: [...BUILT_IN_CATALOGUE.cities, DUBLIN] }));
  const clock = fakeClock(AT);
  const api = appForTests({ PROGRAMMES_FILE: catalogueFile });
  afterAll(() => {
    clock.restore();
    files.remove();
  });

  const run = (name: JourneyMutation, input: Record<string, unknown>) => api.gql(mutation(name), { input });

  function expectRefusedAsFuture(res: GraphQLResponse): void {
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'DATE_IN_FUTURE' });
  }

  async function expectNotStored(participantId: string): Promise<void> {
    const res = await api.gql(PARTICIPANT_QUERY, { id: participantId });
    expect(res.data!.participant).toBeNull();
  }

  async function enrolIn(city: string, programme: string, enrolledOn: string) {
    const participantId = randomUUID();
    return { participantId, res: await run('enrolParticipant', enrolmentInput({ participantId, city, programme, enrolledOn })) };
  }

  it("accepts a Stockholm step dated Stockholm's day at 00:30 there, though UTC's day has not turned", async () => {
    const { participantId, res } = await enrolIn('stockholm', 'stockholm-test-group', '2025-01-02');
    expect(res.errors).toBeUndefined();

    const step = await run('recordCoachingSession', { participantId, occurredOn: EUROPE_DAY, mode: 'INDIVIDUAL', durationMinutes: 60 });

    expect(step.errors).toBeUndefined();
    expect(step.data!.recordCoachingSession.timeline.at(-1)).toMatchObject({ kind: 'COACHING_SESSION', occurredOn: EUROPE_DAY });
  });

  it("accepts an enrolment in Paris dated Paris's new day, and refuses it in a city whose day has not turned", async () => {
    const paris = await enrolIn('paris', 'paris-gatp', EUROPE_DAY);
    expect(paris.res.errors).toBeUndefined();
    expect(paris.res.data!.enrolParticipant.enrolledOn).toBe(EUROPE_DAY);

    const dublin = await enrolIn('dublin', 'dublin-pilot', EUROPE_DAY);
    expectRefusedAsFuture(dublin.res);
    await expectNotStored(dublin.participantId);

    const dublinToday = await enrolIn('dublin', 'dublin-pilot', UTC_DAY);
    expect(dublinToday.res.errors).toBeUndefined();
  });

  it("refuses a date two days ahead in every city's day, enrolment or step, and stores nothing", async () => {
    for (const { code, programmes } of [...BUILT_IN_CATALOGUE.cities, DUBLIN]) {
      const { participantId, res } = await enrolIn(code, programmes[0].code, TWO_DAYS_AHEAD);
      expectRefusedAsFuture(res);
      await expectNotStored(participantId);
    }
    const { participantId } = await enrolIn('stockholm', 'stockholm-test-group', '2025-01-02');
    expectRefusedAsFuture(await run('recordCoachingSession', { participantId, occurredOn: TWO_DAYS_AHEAD, mode: 'GROUP', durationMinutes: 60 }));
    const stored = await api.gql(PARTICIPANT_QUERY, { id: participantId });
    expect(stored.data!.participant.timeline).toHaveLength(1);
  });

  it('corrects and exits a case enrolled while the server clock ran ahead (2039)', async () => {
    clock.set('2039-06-01T10:00:00Z');
    const { participantId, res } = await enrolIn('stockholm', 'stockholm-test-group', '2039-06-01');
    expect(res.errors).toBeUndefined();
    clock.set(AT);
    expect((await run('recordExit', { participantId, occurredOn: EUROPE_DAY, reason: 'DROPPED_OUT' })).errors?.[0]?.extensions).toMatchObject({
      rule: 'DATE_BEFORE_ENROLMENT',
    });

    const corrected = await api.gql(CORRECT, { input: { participantId, sequence: 1, occurredOn: '2025-01-02', reason: 'Dated by a clock that ran ahead' } });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.correctMilestone).toMatchObject({ version: 2, enrolledOn: '2025-01-02' });

    const exited = await run('recordExit', { participantId, occurredOn: EUROPE_DAY, reason: 'DROPPED_OUT' });
    expect(exited.errors).toBeUndefined();
    expect(exited.data!.recordExit).toMatchObject({ status: 'EXITED', exitedOn: EUROPE_DAY });
  });

  it("tells each city's time zone, UTC where the file gives none", async () => {
    const res = await api.gql<{ cities: { code: string; timeZone: string }[] }>('{ cities { code timeZone } }');
    expect(res.data!.cities).toEqual([
      { code: 'paris', timeZone: 'Europe/Paris' },
      { code: 'frankfurt', timeZone: 'Europe/Berlin' },
      { code: 'stockholm', timeZone: 'Europe/Stockholm' },
      { code: 'dublin', timeZone: 'UTC' },
    ]);
  });
});
