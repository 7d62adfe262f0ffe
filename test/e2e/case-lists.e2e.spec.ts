import { randomUUID } from 'node:crypto';
import { enrolmentInput, mutation, PERSON } from '../support/journey-api';
import { appForTests } from '../support/test-app';

const LIST = `query ($city: String, $programme: String, $status: ParticipantStatus, $first: Int, $after: String) {
  participants(city: $city, programme: $programme, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id city programme status enrolledOn personal { fullName } } } } }`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; city: string; programme: string; status: string; enrolledOn: string; personal: { fullName: string } | null } }[];
}

describe('case lists (e2e, real app on a SQLite file)', () => {
  const api = appForTests();
  const paris: string[] = [];

  const list = async (variables: Record<string, unknown>): Promise<Page> => {
    const res = await api.gql(LIST, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.participants;
  };

  beforeAll(async () => {
    // Enrolled out of date order, so that the list's order is the read model's, not the recording's.
    for (const day of [20, 3, 11, 7, 28, 15, 1]) {
      const participantId = randomUUID();
      const enrolledOn = `2007-02-${String(day).padStart(2, '0')}`;
      await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ participantId, enrolledOn, unemployedSince: null }) });
      paris.push(participantId);
    }
    await api.gql(mutation('enrolParticipant'), {
      input: enrolmentInput({ city: 'stockholm', programme: 'stockholm-test-group', enrolledOn: '2007-02-02', unemployedSince: null }),
    });
    await api.gql(mutation('recordExit'), { input: { participantId: paris[0], occurredOn: '2007-06-01', reason: 'OTHER' } });
  });

  it('pages through a city in order of enrolment with stable cursors, each case once', async () => {
    const seen: Page['edges'] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list({ city: 'paris', first: 3, after });
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      if (page.pageInfo.hasNextPage) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      pages += 1;
    } while (after !== null);
    expect(pages).toBe(3);
    expect(seen.map((e) => e.node.enrolledOn)).toEqual(['01', '03', '07', '11', '15', '20', '28'].map((d) => `2007-02-${d}`));
    expect(new Set(seen.map((e) => e.node.id))).toEqual(new Set(paris));
    expect(seen.every((e) => e.node.city === 'paris' && e.node.personal?.fullName === PERSON.fullName)).toBe(true);
  });

  it('filters by programme and status, and lists every city without a filter', async () => {
    expect((await list({ status: 'EXITED' })).edges.map((e) => e.node.id)).toEqual([paris[0]]);
    expect((await list({ city: 'paris', status: 'ACTIVE' })).totalCount).toBe(6);
    expect((await list({ programme: 'stockholm-test-group' })).totalCount).toBe(1);
    expect((await list({})).totalCount).toBe(8);
    expect(await list({ city: 'frankfurt' })).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it('answers the read model right after a mutation (read-your-writes)', async () => {
    const input = enrolmentInput({ city: 'frankfurt', programme: 'frankfurt-kompass', unemployedSince: null });
    await api.gql(mutation('enrolParticipant'), { input });
    expect((await list({ city: 'frankfurt' })).edges.map((e) => e.node.id)).toEqual([input.participantId]);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
  ])('refuses %j', async (variables, field) => {
    const res = await api.gql(LIST, variables);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ field })] });
  });
});
