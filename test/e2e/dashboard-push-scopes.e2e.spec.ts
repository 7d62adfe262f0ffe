import { randomUUID } from 'node:crypto';
import { OutcomesReader } from '../../src/read-side/outcomes/outcomes.reader';
import { enrolmentInput, mutation } from '../support/journey-api';
import { subscribe, type Subscribed } from '../support/subscription-client';
import { appForTests } from '../support/test-app';

const SUBSCRIPTION = `subscription ($city: String!) { dashboardUpdated(city: $city) { city programme enrolled } }`;

type Pushed = { data: { dashboardUpdated: { city: string; programme: string | null; enrolled: number } } };

describe('dashboards computed on commit for the scopes someone listens to only (e2e, real app, real WebSocket client; a spy counts the real reader\'s calls)', () => {
  const api = appForTests();
  let paris: Subscribed<Pushed> | undefined;
  afterAll(async () => {
    await paris?.close();
  });
  let enrolledInParis = 0;

  async function enrolIn(city: string, programme: string): Promise<void> {
    const res = await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ participantId: randomUUID(), city, programme }) });
    expect(res.errors).toBeUndefined();
    if (city === 'paris') enrolledInParis += 1;
  }

  /** Reads on from `pushed` (else the next push) to the push that holds every Paris enrolment so far. */
  async function pushOfLastParisEnrolment(sub: Subscribed<Pushed>, pushed?: Pushed): Promise<Pushed> {
    let last = pushed ?? (await sub.next());
    while (last.data.dashboardUpdated.enrolled < enrolledInParis) last = await sub.next();
    return last;
  }

  it("computes no dashboard of a city or a programme nobody subscribes to, and still pushes the subscribed city's", async () => {
    const subscription = subscribe<Pushed>(api.url, SUBSCRIPTION, { city: 'paris' }, { authorization: api.bearer });
    paris = subscription;
    // graphql-ws does not acknowledge a subscription: enrol until one is pushed, then read up to the last enrolment.
    let first: Pushed | null = null;
    while (first === null) {
      await enrolIn('paris', 'paris-gatp');
      first = await subscription.nextWithin(200);
    }
    await pushOfLastParisEnrolment(subscription, first);
    const computed = jest.spyOn(api.app.get(OutcomesReader), 'dashboard');

    try {
      // Frankfurt's, its programme's and Paris's programme's dashboards change, and nobody listens to them.
      await enrolIn('frankfurt', 'frankfurt-test-group');
      await enrolIn('paris', 'paris-gatp');
      // The read model folds in order: once Paris's last enrolment is pushed, Frankfurt's has been committed.
      const pushed = await pushOfLastParisEnrolment(subscription);

      expect(pushed.data.dashboardUpdated).toEqual({ city: 'paris', programme: null, enrolled: enrolledInParis });
      const scopes = computed.mock.calls.map(([city, programme]) => (programme === null ? city : `${city}/${programme}`));
      expect(scopes.length).toBeGreaterThan(0);
      expect(new Set(scopes)).toEqual(new Set(['paris']));
    } finally {
      computed.mockRestore();
    }
  });
});
