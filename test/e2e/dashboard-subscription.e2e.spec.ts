import { randomUUID } from 'node:crypto';
import { enrolmentInput, type JourneyMutation, mutation } from '../support/journey-api';
import { openSocket, subscribe, type Subscribed } from '../support/subscription-client';
import { appForTests } from '../support/test-app';

const SUBSCRIPTION = `subscription ($city: String!, $programme: String) {
  dashboardUpdated(city: $city, programme: $programme) { city programme enrolled exited positiveExits lastEventPosition } }`;

type Pushed = { data: { dashboardUpdated: { city: string; programme: string | null; enrolled: number; exited: number; positiveExits: number; lastEventPosition: string } } };

describe('live dashboards over graphql-ws (e2e, real app, real WebSocket client)', () => {
  const api = appForTests();
  let frankfurt: Subscribed<Pushed>;

  async function record(name: JourneyMutation, input: Record<string, unknown>): Promise<void> {
    const res = await api.gql(mutation(name), { input });
    expect(res.errors).toBeUndefined();
  }

  const enrolments = new Map<string, number>();

  async function enrolIn(city: string, programme: string): Promise<string> {
    const participantId = randomUUID();
    await record('enrolParticipant', enrolmentInput({ participantId, city, programme }));
    for (const scope of [city, `${city}/${programme}`]) enrolments.set(scope, (enrolments.get(scope) ?? 0) + 1);
    return participantId;
  }

  /** Enrols one more participant and tells how many the scope then holds. */
  const enrolOneIn = (city: string, programme: string, scope: string) => async () => {
    await enrolIn(city, programme);
    return enrolments.get(scope)!;
  };

  /**
   * graphql-ws does not acknowledge a subscription, so the test cannot know when the server has
   * registered it: it makes changes until one is pushed, then reads on until the push reflects the
   * last change (an earlier change may have been pushed just after the wait gave up).
   */
  async function firstPush(sub: Subscribed<Pushed>, enrolOne: () => Promise<number>): Promise<Pushed> {
    let pushed: Pushed | null = null;
    let enrolled = 0;
    while (pushed === null) {
      enrolled = await enrolOne();
      pushed = await sub.nextWithin(200);
    }
    while (pushed.data.dashboardUpdated.enrolled < enrolled) pushed = await sub.next();
    return pushed;
  }

  afterAll(async () => {
    await frankfurt?.close();
  });

  it("pushes a city's dashboard after each event that changes it, and nothing for other cities or other events", async () => {
    const inFrankfurt = await enrolIn('frankfurt', 'frankfurt-test-group');
    const inParis = await enrolIn('paris', 'paris-gatp');
    frankfurt = subscribe<Pushed>(api.url, SUBSCRIPTION, { city: 'frankfurt' }, { authorization: api.bearer });
    const live = await firstPush(frankfurt, enrolOneIn('frankfurt', 'frankfurt-test-group', 'frankfurt'));
    const enrolled = enrolments.get('frankfurt');
    expect(live.data.dashboardUpdated).toMatchObject({ city: 'frankfurt', programme: null, enrolled, exited: 0 });

    await record('recordExit', { participantId: inParis, occurredOn: '2007-05-01', reason: 'DROPPED_OUT' });
    await record('recordCoachingSession', { participantId: inFrankfurt, occurredOn: '2007-04-01', mode: 'GROUP', durationMinutes: 60 });
    await record('recordExit', { participantId: inFrankfurt, occurredOn: '2007-05-02', reason: 'TRAINING' });

    // The next push is the Frankfurt exit: neither the Paris exit nor the coaching session pushed anything.
    const afterExit = await frankfurt.next();
    expect(afterExit.data.dashboardUpdated).toMatchObject({ city: 'frankfurt', enrolled, exited: 1, positiveExits: 1 });
    expect(BigInt(afterExit.data.dashboardUpdated.lastEventPosition)).toBeGreaterThan(BigInt(live.data.dashboardUpdated.lastEventPosition));
  });

  it("pushes a programme's dashboard to its own subscribers", async () => {
    const kompass = subscribe<Pushed>(api.url, SUBSCRIPTION, { city: 'frankfurt', programme: 'frankfurt-kompass' }, { authorization: api.bearer });
    try {
      const pushed = await firstPush(kompass, enrolOneIn('frankfurt', 'frankfurt-kompass', 'frankfurt/frankfurt-kompass'));
      expect(pushed.data.dashboardUpdated).toMatchObject({
        city: 'frankfurt',
        programme: 'frankfurt-kompass',
        enrolled: enrolments.get('frankfurt/frankfurt-kompass'),
      });
    } finally {
      await kompass.close();
    }
  });

  it('sets a subscription up before it answers the next operation on the same socket, so a change after that answer is pushed (what the web app relies on)', async () => {
    const socket = openSocket(api.url, { authorization: api.bearer });
    try {
      for (let round = 0; round < 5; round++) {
        const stockholm = socket.subscribe<Pushed>(SUBSCRIPTION, { city: 'stockholm' });
        const read = await socket.execute<{ data: { cityDashboard: { enrolled: number } } }>('{ cityDashboard(city: "stockholm") { enrolled } }');
        await enrolIn('stockholm', 'stockholm-test-group');
        // No retry loop as in firstPush: the first change after the read must be pushed.
        const pushed = await stockholm.nextWithin(10_000);
        expect(pushed?.data.dashboardUpdated.enrolled).toBe(read.data.cityDashboard.enrolled + 1);
        await stockholm.close();
      }
    } finally {
      await socket.close();
    }
  });

  it('refuses a subscription to an unknown city, or an invalid one, with the same codes as over HTTP', async () => {
    const lyon = subscribe<{ errors: { extensions: Record<string, unknown> }[] }>(api.url, SUBSCRIPTION, { city: 'lyon' }, { authorization: api.bearer });
    expect((await lyon.next()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'city' }] });
    await lyon.close();
    const invalid = subscribe(api.url, 'subscription { dashboardUpdated(city: "paris") { nope } }', {}, { authorization: api.bearer });
    await expect(invalid.next()).rejects.toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
    await invalid.close();
  });
});
