import { randomUUID } from 'node:crypto';
import { enrolmentInput, mutation, PARTICIPANT_QUERY } from '../support/journey-api';
import { openSocket, type Subscribed, type TestSocket } from '../support/subscription-client';
import { appForTests } from '../support/test-app';
import { expiringBearer } from '../support/tokens';

const SUBSCRIPTION = 'subscription ($city: String!) { dashboardUpdated(city: $city) { enrolled } }';
const COACHING = { occurredOn: '2007-04-01', mode: 'GROUP', durationMinutes: 60 };

type Pushed = { data: { dashboardUpdated: { enrolled: number } } };

describe('a WebSocket whose token expires (e2e, real app, real graphql-ws client)', () => {
  const api = appForTests();

  /** Enrols a participant in Paris over HTTP, as another caller; answers its id. */
  async function enrolInParis(): Promise<string> {
    const participantId = randomUUID();
    const res = await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ participantId }) });
    expect(res.errors).toBeUndefined();
    return participantId;
  }

  /** The number of enrolments in Paris, as the dashboard counts them. */
  async function enrolledInParis(): Promise<number> {
    const res = await api.gql('{ cityDashboard(city: "paris") { enrolled } }');
    return res.data!.cityDashboard.enrolled;
  }

  /** graphql-ws does not acknowledge a subscription: enrol until a push shows it is live. */
  async function live(dashboard: Subscribed<Pushed>): Promise<void> {
    while ((await dashboard.nextWithin(200)) === null) await enrolInParis();
  }

  async function coachingSessionsOf(participantId: string): Promise<number> {
    const res = await api.gql(PARTICIPANT_QUERY, { id: participantId });
    return res.data!.participant.timeline.filter((m: { kind: string }) => m.kind === 'COACHING_SESSION').length;
  }

  let socket: TestSocket | undefined;
  afterEach(async () => {
    jest.restoreAllMocks();
    await socket?.close();
  });

  it('closes the socket with 4403 at exp: its subscription ends, nothing is pushed or executed after it', async () => {
    const participantId = await enrolInParis();
    const { authorization, expiresAt } = await expiringBearer(4, 'adviser', '*', 'adviser-leaving');
    socket = openSocket(api.url, { authorization });
    const dashboard = socket.subscribe<Pushed>(SUBSCRIPTION, { city: 'paris' });
    await live(dashboard);
    expect(await socket.execute(PARTICIPANT_QUERY, { id: participantId })).toMatchObject({ data: { participant: { id: participantId } } });

    expect(await socket.closed).toEqual({ code: 4403, reason: 'Forbidden: token expired' });
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 50);
    const enrolledAtExpiry = await enrolledInParis();
    await enrolInParis();

    // Whatever was pushed was about enrolments before exp; then the subscription ended with the socket.
    for (;;) {
      const pushed = await dashboard.next().catch((closed: { code: number }) => closed);
      if ('code' in pushed) {
        expect(pushed.code).toBe(4403);
        break;
      }
      expect(pushed.data.dashboardUpdated.enrolled).toBeLessThanOrEqual(enrolledAtExpiry);
    }
    // The client reconnects for a new operation with the same, expired, token: refused at connection_init.
    await expect(socket.execute(mutation('recordCoachingSession'), { input: { participantId, ...COACHING } })).rejects.toMatchObject({ code: 4403 });
    expect(await coachingSessionsOf(participantId)).toBe(0);
  });

  describe('between exp and the socket closing (a busy event loop), shown with the clock moved past exp: Date.now mocked, the real timer not yet due', () => {
    /** A socket whose token expires in a minute. */
    const socketForAMinute = async () => openSocket(api.url, { authorization: (await expiringBearer(60, 'adviser', '*', 'adviser-a-minute')).authorization });
    /** Two minutes later for the service (the other callers' tokens live 8 hours). */
    const pastExpiry = () => {
      const now = Date.now.bind(Date);
      jest.spyOn(Date, 'now').mockImplementation(() => now() + 120_000);
    };

    it('holds back a push and closes the socket with 4403', async () => {
      socket = await socketForAMinute();
      const dashboard = socket.subscribe<Pushed>(SUBSCRIPTION, { city: 'paris' });
      await live(dashboard);
      while ((await dashboard.nextWithin(300)) !== null); // pushes of enrolments before the clock moves

      pastExpiry();
      await enrolInParis();

      await expect(dashboard.next()).rejects.toMatchObject({ code: 4403 });
      expect(await socket.closed).toEqual({ code: 4403, reason: 'Forbidden: token expired' });
    });

    it('refuses a mutation before executing it', async () => {
      const participantId = await enrolInParis();
      socket = await socketForAMinute();
      await socket.connected;

      pastExpiry();
      // Its refusal (UNAUTHENTICATED) is itself held back: the socket closes instead.
      await expect(socket.execute(mutation('recordCoachingSession'), { input: { participantId, ...COACHING } })).rejects.toMatchObject({ code: 4403 });

      jest.restoreAllMocks();
      expect(await coachingSessionsOf(participantId)).toBe(0);
    });
  });
});
