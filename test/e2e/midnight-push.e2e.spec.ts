import { randomUUID } from 'node:crypto';
import { fakeClock } from '../support/fake-clock';
import { enrolmentInput, type JourneyMutation, mutation } from '../support/journey-api';
import { openSocket, type Subscribed, type TestSocket } from '../support/subscription-client';
import { appForTests } from '../support/test-app';

// One second before midnight in Stockholm (UTC+1 in winter), and just after it.
const BEFORE_MIDNIGHT = '2025-01-14T22:59:59Z';
const AFTER_MIDNIGHT = '2025-01-14T23:00:00.500Z';

const SUBSCRIPTION = `subscription ($city: String!, $programme: String) {
  dashboardUpdated(city: $city, programme: $programme) { city programme enrolled medianDaysToOutcome lastEventPosition } }`;

type Dashboard = { city: string; programme: string | null; enrolled: number; medianDaysToOutcome: number | null; lastEventPosition: string };
type Pushed = { data: { dashboardUpdated: Dashboard } };

/** More than the 10 listeners an EventEmitter allows before it warns of a leak; a socket takes 20 subscriptions. */
const CITY_SUBSCRIBERS = 52;
const PER_SOCKET = 20;

describe("live dashboards at their city's midnight (e2e, real app and graphql-ws clients; the system clock faked: no test waits for a real midnight)", () => {
  const clock = fakeClock(BEFORE_MIDNIGHT);
  const api = appForTests();
  const sockets: TestSocket[] = [];
  // Node prints a process warning to standard error; jest's sandboxed `process` hears none of its 'warning' events.
  let stderr: jest.SpiedFunction<typeof process.stderr.write>;
  beforeAll(() => {
    stderr = jest.spyOn(process.stderr, 'write');
  });
  afterAll(async () => {
    stderr.mockRestore();
    await Promise.all(sockets.map((s) => s.close()));
    clock.restore();
  });

  async function record(name: JourneyMutation, input: Record<string, unknown>): Promise<void> {
    const res = await api.gql(mutation(name), { input });
    expect(res.errors).toBeUndefined();
  }

  async function enrol(enrolledOn: string): Promise<string> {
    const participantId = randomUUID();
    await record('enrolParticipant', enrolmentInput({ participantId, city: 'stockholm', programme: 'stockholm-test-group', enrolledOn }));
    return participantId;
  }

  /**
   * graphql-ws does not acknowledge a subscription: enrol participants of today (censored on day 0,
   * so the median stays as it is) until every subscriber has had a push, then it is listening.
   */
  async function untilEachListens(subscribers: Subscribed<Pushed>[]): Promise<void> {
    let waiting = subscribers;
    while (waiting.length > 0) {
      await enrol('2025-01-14');
      const pushed = await Promise.all(waiting.map((s) => s.nextWithin(300)));
      waiting = waiting.filter((_, i) => pushed[i] === null);
    }
  }

  /** The next push that `matches`, reading past those the set-up's enrolments left. */
  async function nextMatching(subscriber: Subscribed<Pushed>, matches: (d: Dashboard) => boolean): Promise<Dashboard> {
    for (;;) {
      const { dashboardUpdated } = (await subscriber.next()).data;
      if (matches(dashboardUpdated)) return dashboardUpdated;
    }
  }

  it("pushes the city's and its programme's new median to every subscriber at Stockholm's midnight, with no listener warning", async () => {
    // Day 10 of the first participant is her job: while the two others are censored on day 9, the
    // median is 10 days; from midnight they are censored on day 10, at risk then, and it is gone.
    const first = await enrol('2025-01-01');
    await record('recordJobStart', { participantId: first, occurredOn: '2025-01-11', contractType: 'PERMANENT', employerType: 'SME', sector: 'J' });
    await enrol('2025-01-05');
    await enrol('2025-01-05');

    const subscribers: Subscribed<Pushed>[] = [];
    for (let i = 0; i < CITY_SUBSCRIBERS + 1; i++) {
      if (i % PER_SOCKET === 0) sockets.push(openSocket(api.url, { authorization: api.bearer }));
      const variables = i < CITY_SUBSCRIBERS ? { city: 'stockholm' } : { city: 'stockholm', programme: 'stockholm-test-group' };
      subscribers.push(sockets.at(-1)!.subscribe<Pushed>(SUBSCRIPTION, variables));
    }
    await untilEachListens(subscribers);
    const before = (await api.gql('{ cityDashboard(city: "stockholm") { enrolled medianDaysToOutcome lastEventPosition } }')).data!.cityDashboard;
    expect(before.medianDaysToOutcome).toBe(10);

    clock.set(AFTER_MIDNIGHT);

    const pushed = await Promise.all(subscribers.map((s) => nextMatching(s, (d) => d.medianDaysToOutcome === null)));
    for (const [i, dashboard] of pushed.entries()) {
      // No event since: the day alone changed the figures.
      expect(dashboard).toEqual({
        city: 'stockholm',
        programme: i < CITY_SUBSCRIBERS ? null : 'stockholm-test-group',
        enrolled: before.enrolled,
        medianDaysToOutcome: null,
        lastEventPosition: before.lastEventPosition,
      });
    }
    await new Promise(setImmediate); // warnings are printed on the next tick
    expect(stderr.mock.calls.map(([text]) => String(text)).filter((text) => text.includes('MaxListenersExceededWarning'))).toEqual([]);
  }, 60_000);
});
