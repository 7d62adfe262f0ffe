import { randomUUID } from 'node:crypto';
import { issueToken } from '../../src/auth/issue-token';
import type { GraphQLResponse } from '../support/graphql-client';
import { enrolmentInput, mutation, PARTICIPANT_QUERY } from '../support/journey-api';
import { subscribe } from '../support/subscription-client';
import { appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

type Caller = 'adviser' | 'coordinator' | 'researcher' | 'admin';
/** hidden: answered as for a participant that does not exist. */
type Outcome = 'allowed' | 'FORBIDDEN' | 'NOT_FOUND' | 'hidden';
/** Paris is the city of the adviser's and the coordinator's tokens; Frankfurt is another city. */
type Target = 'paris' | 'frankfurt';

const A: Outcome = 'allowed';
const F: Outcome = 'FORBIDDEN';
/** Another city's participant is answered as an unknown one: that it exists is not the caller's to learn. */
const N: Outcome = 'NOT_FOUND';
const H: Outcome = 'hidden';

/** the table of docs/access-and-privacy.md: for each operation, what each role gets in its own city and in another. */
const TABLE: Record<string, Record<Caller, [own: Outcome, other: Outcome]>> = {
  enrolParticipant: { adviser: [A, F], coordinator: [F, F], researcher: [F, F], admin: [F, F] },
  recordCoachingSession: { adviser: [A, N], coordinator: [F, F], researcher: [F, F], admin: [F, F] },
  erasePersonalData: { adviser: [A, N], coordinator: [F, F], researcher: [F, F], admin: [A, A] },
  participant: { adviser: [A, H], coordinator: [F, F], researcher: [F, F], admin: [A, A] },
  participants: { adviser: [A, F], coordinator: [F, F], researcher: [F, F], admin: [A, A] },
  cityDashboard: { adviser: [A, F], coordinator: [A, F], researcher: [A, A], admin: [A, A] },
  timeToOutcome: { adviser: [A, F], coordinator: [A, F], researcher: [A, A], admin: [A, A] },
  dashboardUpdated: { adviser: [A, F], coordinator: [A, F], researcher: [A, A], admin: [A, A] },
  lifePaths: { adviser: [F, F], coordinator: [A, F], researcher: [A, A], admin: [A, A] },
  lifePathsCsv: { adviser: [F, F], coordinator: [A, F], researcher: [A, A], admin: [A, A] },
  lifePathsJson: { adviser: [F, F], coordinator: [A, F], researcher: [A, A], admin: [A, A] },
  cities: { adviser: [A, A], coordinator: [A, A], researcher: [A, A], admin: [A, A] },
};

const CASES = Object.entries(TABLE).flatMap(([operation, byRole]) =>
  (Object.entries(byRole) as [Caller, [Outcome, Outcome]][]).flatMap(([caller, [own, other]]) => [
    { operation, caller, target: 'paris' as Target, expected: own },
    { operation, caller, target: 'frankfurt' as Target, expected: other },
  ]),
);

const COACHING = { occurredOn: '2007-05-02', mode: 'GROUP', durationMinutes: 60 };

describe('who may do what, where (e2e, docs/access-and-privacy.md, real app over HTTP and WebSocket)', () => {
  const api = appForTests();
  const tokens = {} as Record<Caller, string>;

  beforeAll(async () => {
    tokens.adviser = await bearer('adviser', 'paris');
    tokens.coordinator = await bearer('coordinator', 'paris');
    tokens.researcher = await bearer('researcher');
    tokens.admin = await bearer('admin');
  });

  /** A participant of the target city, enrolled by an adviser of every city. */
  async function participantIn(city: Target): Promise<string> {
    const programme = city === 'paris' ? 'paris-gatp' : 'frankfurt-test-group';
    const input = enrolmentInput({ city, programme });
    expect((await api.gql(mutation('enrolParticipant'), { input })).errors).toBeUndefined();
    return input.participantId as string;
  }

  const versionOf = async (id: string): Promise<number> => (await api.gql(PARTICIPANT_QUERY, { id })).data!.participant.version;

  /** Runs an operation on the target city as the caller; answers the error code, 'hidden', or null. */
  async function attempt(operation: string, target: Target, authorization: string): Promise<string | null> {
    const programme = target === 'paris' ? 'paris-gatp' : 'frankfurt-test-group';
    const send = async (query: string, variables: Record<string, unknown> = {}) =>
      ((await api.gql(query, variables, authorization)).errors?.[0]?.extensions?.code as string | undefined) ?? null;
    switch (operation) {
      case 'enrolParticipant': {
        const input = enrolmentInput({ city: target, programme });
        const code = await send(mutation('enrolParticipant'), { input });
        if (code) expect((await api.gql(PARTICIPANT_QUERY, { id: input.participantId })).data!.participant).toBeNull();
        return code;
      }
      case 'recordCoachingSession':
      case 'erasePersonalData': {
        const participantId = await participantIn(target);
        const input = operation === 'erasePersonalData' ? { participantId, reason: 'Asked by the participant' } : { participantId, ...COACHING };
        const code = await send(mutation(operation), { input });
        // Refused: nothing recorded.
        if (code) expect(await versionOf(participantId)).toBe(1);
        return code;
      }
      case 'participant': {
        const res = await api.gql(PARTICIPANT_QUERY, { id: await participantIn(target) }, authorization);
        if (res.errors) return res.errors[0]!.extensions!.code as string;
        return res.data!.participant === null ? 'hidden' : null;
      }
      case 'participants':
        return send('query ($city: String) { participants(city: $city) { totalCount } }', { city: target });
      case 'cityDashboard':
        return send('query ($city: String!) { cityDashboard(city: $city) { enrolled } }', { city: target });
      case 'timeToOutcome':
        return send('query ($city: String!) { timeToOutcome(city: $city) { participants } }', { city: target });
      case 'cities':
        return send('{ cities { code } }');
      case 'lifePaths':
        return send('query ($city: String) { lifePaths(filter: { city: $city }) { totalCount } }', { city: target });
      case 'lifePathsCsv':
      case 'lifePathsJson': {
        const file = operation === 'lifePathsCsv' ? 'life-paths.csv' : 'life-paths.json';
        const response = await fetch(`${api.url.replace(/\/graphql$/, '')}/exports/${file}?city=${target}`, { headers: { authorization } });
        return response.status === 200 ? null : ((await response.json()) as GraphQLResponse).errors![0]!.extensions!.code as string;
      }
      case 'dashboardUpdated': {
        const subscription = subscribe<{ data?: unknown; errors?: { extensions: { code: string } }[] }>(
          api.url,
          'subscription ($city: String!) { dashboardUpdated(city: $city) { enrolled } }',
          { city: target },
          { authorization },
        );
        try {
          // Refused: the answer is an error. Allowed: a change of that city is pushed; the server
          // does not acknowledge a subscription, so changes are made until one is. Researchers get
          // no push per change (only at the turn of a month): for them, no refusal within 2 s is allowed.
          for (let waited = 0; authorization !== tokens.researcher || waited < 2000; waited += 200) {
            const message = await subscription.nextWithin(200);
            if (message) return message.errors?.[0]?.extensions.code ?? null;
            await participantIn(target);
          }
          return null;
        } finally {
          await subscription.close();
        }
      }
    }
    throw new Error(`No way to try ${operation}`);
  }

  it.each(CASES)('$operation as $caller on $target: $expected', async ({ operation, caller, target, expected }) => {
    const code = await attempt(operation, target, tokens[caller]);
    expect(code ?? 'allowed').toBe(expected);
  });

  it("answers an adviser asking for another city's participant exactly as for an unknown id", async () => {
    const elsewhere = await api.gql(PARTICIPANT_QUERY, { id: await participantIn('frankfurt') }, tokens.adviser);
    const unknown = await api.gql(PARTICIPANT_QUERY, { id: randomUUID() }, tokens.adviser);

    expect(elsewhere).toEqual({ status: 200, data: { participant: null } });
    expect(elsewhere).toEqual(unknown);
  });

  it('refuses an enrolment in a city outside the catalogue by an adviser of another city, before its input is checked', async () => {
    const input = enrolmentInput({ city: 'lyon', programme: 'lyon-test-group', birthYear: 1900, personal: { fullName: 'A B', email: 'not-an-email' } });
    const res = await api.gql(mutation('enrolParticipant'), { input }, tokens.adviser);

    expect(res.errors).toEqual([expect.objectContaining({ message: 'An adviser of paris may not record milestones of lyon', extensions: { code: 'FORBIDDEN' } })]);
    expect((await api.gql(PARTICIPANT_QUERY, { id: input.participantId })).data!.participant).toBeNull();
  });

  it('lists in `dashboards` only the cities a caller may see', async () => {
    const cities = async (authorization: string) =>
      (await api.gql('{ dashboards { city } }', {}, authorization)).data!.dashboards.map((d: { city: string }) => d.city);
    expect(await cities(tokens.adviser)).toEqual(['paris']);
    expect(await cities(tokens.coordinator)).toEqual(['paris']);
    expect(await cities(tokens.researcher)).toEqual(['paris', 'frankfurt', 'stockholm']);
    expect(await cities(await bearer('coordinator', '*'))).toEqual(['paris', 'frankfurt', 'stockholm']);
  });

  it("lists an adviser's own city when no city is asked", async () => {
    await participantIn('frankfurt');
    const { data } = await api.gql('{ participants(first: 100) { edges { node { city } } } }', {}, tokens.adviser);
    expect(new Set(data!.participants.edges.map((e: { node: { city: string } }) => e.node.city))).toEqual(new Set(['paris']));
  });

  it('records the caller as recordedBy', async () => {
    const participantId = await participantIn('paris');
    const res = await api.gql(mutation('recordCoachingSession'), { input: { participantId, ...COACHING } }, await bearer('adviser', 'paris', 'marie.dupont'));
    expect(res.data!.recordCoachingSession.timeline[1].recordedBy).toBe('marie.dupont');
  });

  describe('without a valid token, every operation answers UNAUTHENTICATED', () => {
    const invalid: [string, () => Promise<string | null>][] = [
      ['no token', async () => null],
      ['not a bearer token', async () => 'Basic YWRtaW46YWRtaW4='],
      ['another secret', async () => `Bearer ${await issueToken({ secret: 'a-different-secret-of-at-least-32-chars' }, { sub: 'x', role: 'admin', city: null })}`],
      ['an expired token', async () => `Bearer ${await issueToken({ secret: 'test-secret-of-at-least-thirty-two-characters' }, { sub: 'x', role: 'admin', city: null }, '-1h')}`],
      ['an unknown role', async () => `Bearer ${await issueToken({ secret: 'test-secret-of-at-least-thirty-two-characters' }, { sub: 'x', role: 'root' as never, city: null })}`],
      ['an adviser without a city', async () => `Bearer ${await issueToken({ secret: 'test-secret-of-at-least-thirty-two-characters' }, { sub: 'x', role: 'adviser', city: null })}`],
    ];
    it.each(invalid)('%s', async (_, authorization) => {
      const header = await authorization();
      for (const query of ['{ cities { code } }', '{ dashboards { city } }', `mutation { recordExit(input: { participantId: "${randomUUID()}", occurredOn: "2007-01-01", reason: OTHER }) { id } }`]) {
        const res = await api.gql(query, {}, header);
        expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(res.data ?? null).toBeNull();
      }
    });

    it('closes a WebSocket whose connection_init carries no valid token with 4403', async () => {
      const subscription = subscribe(api.url, 'subscription { dashboardUpdated(city: "paris") { enrolled } }', {}, {});
      await expect(subscription.next()).rejects.toMatchObject({ code: 4403 });
      await subscription.close();
    });
  });
});
