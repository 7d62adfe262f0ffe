import type { AppConfig } from '../../src/config/config';
import { APP_CONFIG } from '../../src/config/config.module';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { pseudonymOf } from '../../src/life-paths/pseudonym';
import type { GraphQLResponse } from '../support/graphql-client';
import { parseCsv } from '../unit/life-paths/csv-reader';
import { enrolmentInput, mutation } from '../support/journey-api';
import { appForTests, type AppForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

const LIFE_PATHS = `query ($filter: LifePathFilter, $first: Int, $after: String) {
  lifePaths(filter: $filter, first: $first, after: $after) {
    edges { cursor node {
      pseudonym city programme entryPeriod ageBand gender educationLevel sectorGroup outcome
      steps { month kind detail }
    } }
    pageInfo { hasNextPage endCursor }
    totalCount suppressedCount k
  }
}`;

const PARTICIPANTS = `query ($after: String) {
  participants(first: 100, after: $after) {
    edges { node { id city personal { fullName email phone } timeline { kind note } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface LifePath {
  pseudonym: string;
  city: string | null;
  programme: string | null;
  entryPeriod: string;
  ageBand: string;
  gender: string | null;
  educationLevel: string | null;
  sectorGroup: string | null;
  outcome: string | null;
  steps: { month: number; kind: string; detail: string | null }[];
}

interface Release {
  paths: LifePath[];
  totalCount: number;
  suppressedCount: number;
  k: number;
  /** Every response body, for what must never appear in one. */
  bodies: string[];
}

interface Participant {
  id: string;
  city: string;
  personal: { fullName: string; email: string | null; phone: string | null } | null;
  timeline: { kind: string; note: string | null }[];
}

/** Every page of the release the caller may see, `first: 100` at a time. */
async function wholeRelease(api: AppForTests, authorization: string, filter: Record<string, unknown> = {}): Promise<Release> {
  const release: Release = { paths: [], totalCount: 0, suppressedCount: 0, k: 0, bodies: [] };
  let after: string | null = null;
  do {
    const response: GraphQLResponse = await api.gql(LIFE_PATHS, { filter, first: 100, after }, authorization);
    expect(response.errors).toBeUndefined();
    const page = response.data!.lifePaths;
    release.bodies.push(JSON.stringify(response));
    release.paths.push(...page.edges.map((e: { node: LifePath }) => e.node));
    Object.assign(release, { totalCount: page.totalCount, suppressedCount: page.suppressedCount, k: page.k });
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  expect(release.paths).toHaveLength(release.totalCount);
  return release;
}

async function allParticipants(api: AppForTests): Promise<Participant[]> {
  const all: Participant[] = [];
  let after: string | null = null;
  do {
    const { data }: GraphQLResponse = await api.gql(PARTICIPANTS, { after });
    all.push(...data!.participants.edges.map((e: { node: Participant }) => e.node));
    after = data!.participants.pageInfo.hasNextPage ? data!.participants.pageInfo.endCursor : null;
  } while (after !== null);
  return all;
}

async function csv(api: AppForTests, authorization: string | null, query = ''): Promise<Response> {
  const url = `${api.url.replace(/\/graphql$/, '')}/exports/life-paths.csv${query}`;
  return fetch(url, { headers: authorization === null ? {} : { authorization } });
}

/** A path as the CSV writes it: null as an empty field, steps as `month:KIND:detail|…`. */
const csvRowOf = (p: LifePath): string[] => [
  ...[p.pseudonym, p.city, p.programme, p.entryPeriod, p.ageBand, p.gender, p.educationLevel, p.sectorGroup, p.outcome].map((v) => v ?? ''),
  p.steps.map((s) => `${s.month}:${s.kind}:${s.detail ?? ''}`).join('|'),
];

const quasiIdentifiersOf = (p: LifePath): string =>
  JSON.stringify([p.city, p.programme, p.entryPeriod, p.ageBand, p.gender, p.educationLevel, p.sectorGroup]);

const errorCodes = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.map((e) => e.extensions?.code);

describe('life paths (e2e, a seeded population over real HTTP)', () => {
  const api = appForTests();
  let researcher: string;
  let participants: Participant[];
  let release: Release;
  let erased: Participant;
  let erasedPseudonym: string;
  let releaseBeforeErasure: Release;

  beforeAll(async () => {
    await seedDemoData(api.app, { seed: 3, scale: 1 });
    researcher = await bearer('researcher');
    participants = await allParticipants(api);
    releaseBeforeErasure = await wholeRelease(api, researcher);
    const { pseudonymSecret } = api.app.get<AppConfig>(APP_CONFIG);
    const released = new Set(releaseBeforeErasure.paths.map((p) => p.pseudonym));
    erased = participants.find((p) => released.has(pseudonymOf(p.id, pseudonymSecret)) && p.timeline.length > 3)!;
    erasedPseudonym = pseudonymOf(erased.id, pseudonymSecret);
    const erasure = await api.gql(
      mutation('erasePersonalData'),
      { input: { participantId: erased.id, reason: 'Asked by the participant' } },
      await bearer('adviser', erased.city),
    );
    expect(erasure.errors).toBeUndefined();
    release = await wholeRelease(api, researcher);
  }, 120_000);

  it('releases the whole seeded population, paths and suppressed ones', () => {
    expect(participants).toHaveLength(322);
    expect(release.k).toBe(5);
    expect(release.totalCount + release.suppressedCount).toBe(322);
    expect(release.totalCount).toBeGreaterThan(0);
    expect(new Set(release.paths.map((p) => p.pseudonym)).size).toBe(release.totalCount);
  });

  it('keeps an erased participant in the release, with the coded journey it had', () => {
    expect(release.totalCount).toBe(releaseBeforeErasure.totalCount);
    expect(release.suppressedCount).toBe(releaseBeforeErasure.suppressedCount);
    const path = release.paths.find((p) => p.pseudonym === erasedPseudonym)!;
    expect(path).toEqual(releaseBeforeErasure.paths.find((p) => p.pseudonym === erasedPseudonym));
    expect(path.steps.map((s) => s.kind)).toEqual(erased.timeline.map((m) => m.kind));
  });

  it('puts every path in a class of at least k paths over the seven released quasi-identifiers', () => {
    const sizes = new Map<string, number>();
    for (const p of release.paths) sizes.set(quasiIdentifiersOf(p), (sizes.get(quasiIdentifiersOf(p)) ?? 0) + 1);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(release.k);
  });

  it('shows no participant id, personal data, note or exact date, in GraphQL nor in CSV', async () => {
    const response = await csv(api, researcher);
    const texts = [...release.bodies, await response.text()];
    const secrets = participants.flatMap((p) => [
      p.id,
      ...Object.values(p.personal ?? {}),
      ...p.timeline.map((m) => m.note),
    ]).filter((s): s is string => !!s);
    expect(secrets.length).toBeGreaterThan(322 * 2);
    for (const text of texts) {
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    }
  });

  it('exports the same release as CSV', async () => {
    const response = await csv(api, researcher);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="life-paths.csv"');
    const [header, ...rows] = parseCsv(await response.text());
    expect(header![0]).toBe('pseudonym');
    expect(rows).toEqual(release.paths.map(csvRowOf));
  });

  describe('filtered, answers exactly the matching part of the whole release', () => {
    const cases: [string, Record<string, unknown>, string, (p: LifePath) => boolean][] = [
      ['city and outcome', { city: 'paris', outcome: 'POSITIVE' }, '?city=paris&outcome=POSITIVE', (p) => p.city === 'paris' && p.outcome === 'POSITIVE'],
      ['entry year', { entryYear: 2008 }, '?entryYear=2008', (p) => p.entryPeriod.startsWith('2008')],
    ];

    it.each(cases)('by %s, in GraphQL and in CSV', async (_, filter, query, matches) => {
      const expected = release.paths.filter(matches);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(release.totalCount);
      const filtered = await wholeRelease(api, researcher, filter);
      expect(filtered.paths).toEqual(expected);
      expect(filtered.suppressedCount).toBe(release.suppressedCount);
      const [, ...rows] = parseCsv(await (await csv(api, researcher, query)).text());
      expect(rows).toEqual(expected.map(csvRowOf));
    });

    // 322 participants at k = 5 need every generalisation step: no path shows its programme.
    it('by a programme that anonymisation generalised away: none', async () => {
      expect(release.paths.every((p) => p.programme === null)).toBe(true);
      const filtered = await wholeRelease(api, researcher, { programme: 'paris-gatp' });
      expect(filtered).toMatchObject({ paths: [], totalCount: 0, suppressedCount: release.suppressedCount });
      expect(parseCsv(await (await csv(api, researcher, '?programme=paris-gatp')).text())).toHaveLength(1);
    });
  });

  it("gives a coordinator their own city's paths only, and refuses another city", async () => {
    const coordinator = await bearer('coordinator', 'paris');
    const parisPaths = release.paths.filter((p) => p.city === 'paris');
    expect((await wholeRelease(api, coordinator)).paths).toEqual(parisPaths);
    expect((await wholeRelease(api, coordinator, { city: 'paris' })).paths).toEqual(parisPaths);
    const elsewhere = await api.gql(LIFE_PATHS, { filter: { city: 'stockholm' } }, coordinator);
    expect(errorCodes(elsewhere)).toEqual(['FORBIDDEN']);

    const [, ...rows] = parseCsv(await (await csv(api, coordinator)).text());
    expect(rows).toEqual(parisPaths.map(csvRowOf));
    const refused = await csv(api, coordinator, '?city=stockholm');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });

  it('refuses advisers, and callers without a token', async () => {
    expect(errorCodes(await api.gql(LIFE_PATHS, {}, await bearer('adviser', 'paris')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await api.gql(LIFE_PATHS, {}, null))).toEqual(['UNAUTHENTICATED']);

    const anonymous = await csv(api, null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    const adviser = await csv(api, await bearer('adviser', 'paris'));
    expect(adviser.status).toBe(403);
    expect(await adviser.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });

  it('pages at most 100 paths at a time, after cursors of its own', async () => {
    const tooMany = await api.gql(LIFE_PATHS, { first: 101 }, researcher);
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'first' }] });
    const foreign = await api.gql(LIFE_PATHS, { after: 'not-a-cursor' }, researcher);
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'after' }] });
    const { data } = await api.gql(LIFE_PATHS, {}, researcher);
    expect(data!.lifePaths.edges).toHaveLength(20);
  });

  it('refuses a CSV filter it cannot read', async () => {
    const response = await csv(api, researcher, '?outcome=GREAT&entryYear=last');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'outcome' }, { field: 'entryYear' }] } }],
    });
  });
});

describe('life paths of a population too small to be made k-anonymous (e2e)', () => {
  const api = appForTests({ K_ANONYMITY: '50' });

  it('suppresses every path rather than failing', async () => {
    for (const city of ['paris', 'paris', 'frankfurt', 'stockholm']) {
      const programme = { paris: 'paris-gatp', frankfurt: 'frankfurt-test-group', stockholm: 'stockholm-test-group' }[city];
      const enrolled = await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ city, programme }) });
      expect(enrolled.errors).toBeUndefined();
    }

    const { data, errors } = await api.gql(LIFE_PATHS, {}, await bearer('researcher'));
    expect(errors).toBeUndefined();
    expect(data!.lifePaths).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 0,
      suppressedCount: 4,
      k: 50,
    });
    const response = await csv(api, await bearer('researcher'));
    expect(parseCsv(await response.text())).toHaveLength(1);
  });
});
