import { seedDemoData } from '../../src/demo/seed-demo-data';
import { fakeClock } from '../support/fake-clock';
import type { GraphQLResponse } from '../support/graphql-client';
import { enrolmentInput, mutation } from '../support/journey-api';
import { appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

const SEQUENCES = `query ($filter: LifePathFilter, $first: Int) {
  lifePathSequences(filter: $filter, first: $first) { sequences { kinds count share } totalCount k releasedAsOf }
}`;

const LIFE_PATHS = `query ($filter: LifePathFilter, $after: String) {
  lifePaths(filter: $filter, first: 100, after: $after) {
    edges { node { steps { kind } } } pageInfo { hasNextPage endCursor } totalCount k releasedAsOf
  }
}`;

interface Sequence {
  kinds: string[];
  count: number;
  share: number;
}

// As life-paths.e2e.spec.ts: the demo is recorded in October, and read in November once October is closed.
const clock = fakeClock('2026-10-20T10:00:00Z');
afterAll(() => clock.restore());

const errorsOf = (response: GraphQLResponse) => response.errors?.map((e) => e.extensions);

describe('the most common sequences of steps of the life paths (e2e, a seeded population over real HTTP)', () => {
  const api = appForTests();

  beforeAll(async () => {
    await seedDemoData(api.app, { seed: 3, scale: 1 });
    clock.set('2026-11-05T10:00:00Z');
    const enrolled = await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ city: 'paris', programme: 'paris-rmi' }) });
    expect(enrolled.errors).toBeUndefined();
  }, 120_000);

  /** Counted here, over every page of lifePaths: each path's first five kinds, a kind repeated in a row once. */
  async function countedOverPages(authorization: string, filter: Record<string, unknown>) {
    const counts = new Map<string, number>();
    let after: string | null = null;
    let page;
    do {
      const response: GraphQLResponse = await api.gql(LIFE_PATHS, { filter, after }, authorization);
      expect(response.errors).toBeUndefined();
      page = response.data!.lifePaths;
      for (const { node } of page.edges as { node: { steps: { kind: string }[] } }[]) {
        const kinds = node.steps.map((s) => s.kind).filter((kind, i, all) => kind !== all[i - 1]).slice(0, 5);
        counts.set(kinds.join(' '), (counts.get(kinds.join(' ')) ?? 0) + 1);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    const sequences = [...counts]
      .map(([key, count]) => ({ kinds: key.split(' ').filter(Boolean), count, share: count / page.totalCount }))
      .sort((a, b) => b.count - a.count || (a.kinds.join(' ') < b.kinds.join(' ') ? -1 : 1));
    return { sequences, totalCount: page.totalCount, k: page.k, releasedAsOf: page.releasedAsOf };
  }

  async function sequencesOf(authorization: string, filter: Record<string, unknown>, first = 50) {
    const response = await api.gql(SEQUENCES, { filter, first }, authorization);
    expect(response.errors).toBeUndefined();
    return response.data!.lifePathSequences as { sequences: Sequence[]; totalCount: number; k: number; releasedAsOf: string };
  }

  it.each([{}, { city: 'paris', outcome: 'POSITIVE' }])('counts every released path of filter %j, as all pages of lifePaths give them', async (filter) => {
    const researcher = await bearer('researcher');
    const expected = await countedOverPages(researcher, filter);
    // The whole release spans pages, more than the web app shows at once.
    expect(expected.totalCount).toBeGreaterThan(Object.keys(filter).length === 0 ? 100 : 0);
    const answer = await sequencesOf(researcher, filter);
    expect(answer.releasedAsOf).toBe('2026-10-31');
    expect(answer).toEqual({ ...expected, sequences: expected.sequences.slice(0, 50) });
    expect((await sequencesOf(researcher, filter, 3)).sequences).toEqual(expected.sequences.slice(0, 3));
  });

  it("gives a coordinator their own city's paths only, refuses another city, and refuses advisers", async () => {
    const coordinator = await bearer('coordinator', 'paris');
    const paris = await countedOverPages(await bearer('researcher', null, 'researcher-paris'), { city: 'paris' });
    expect(await sequencesOf(coordinator, {})).toEqual({ ...paris, sequences: paris.sequences.slice(0, 50) });
    expect(errorsOf(await api.gql(SEQUENCES, { filter: { city: 'stockholm' } }, coordinator))).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect(errorsOf(await api.gql(SEQUENCES, {}, await bearer('adviser', 'paris')))).toMatchObject([{ code: 'FORBIDDEN' }]);
  });

  it('refuses a count it cannot give, naming the field', async () => {
    const researcher = await bearer('researcher', null, 'researcher-bad-input');
    for (const first of [0, 51]) {
      expect(errorsOf(await api.gql(SEQUENCES, { first }, researcher))).toMatchObject([{ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'first' }] }]);
    }
    const badFilter = await api.gql(SEQUENCES, { filter: { outcome: 'GREAT' } }, researcher);
    expect(errorsOf(badFilter)).toMatchObject([{ code: 'BAD_USER_INPUT' }]);
    expect(badFilter.errors![0]!.message).toContain('outcome');
  });
});
