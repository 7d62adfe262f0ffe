import type { AppConfig } from '../../src/config/config';
import { APP_CONFIG } from '../../src/config/config.module';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { pseudonymOf } from '../../src/life-paths/pseudonym';
import { fakeClock } from '../support/fake-clock';
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
    releasedAsOf levels { programme educationLevel gender sectorGroup entryPeriod ageBand } lossMetric loss programmeKeptShare
  }
}`;

/** What the release says of itself, the same on every page. */
const FACTS = ['releasedAsOf', 'levels', 'lossMetric', 'loss', 'programmeKeptShare'] as const;

// The demo is recorded in October 2026; researchers read in November, once an event recorded in
// November has closed October: the release is then October's snapshot.
const clock = fakeClock('2026-10-20T10:00:00Z');
const READ_IN_NOVEMBER = '2026-11-05T10:00:00Z';
const OCTOBER = '2026-10-31';
afterAll(() => clock.restore());

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
  facts: Record<(typeof FACTS)[number], unknown>;
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
  const release: Release = { paths: [], totalCount: 0, suppressedCount: 0, k: 0, facts: {} as Release['facts'], bodies: [] };
  let after: string | null = null;
  do {
    const response: GraphQLResponse = await api.gql(LIFE_PATHS, { filter, first: 100, after }, authorization);
    expect(response.errors).toBeUndefined();
    const page = response.data!.lifePaths;
    release.bodies.push(JSON.stringify(response));
    release.paths.push(...page.edges.map((e: { node: LifePath }) => e.node));
    Object.assign(release, { totalCount: page.totalCount, suppressedCount: page.suppressedCount, k: page.k });
    release.facts = Object.fromEntries(FACTS.map((f) => [f, page[f]])) as Release['facts'];
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

async function csv(api: AppForTests, authorization: string | null, query = '', file = 'life-paths.csv'): Promise<Response> {
  const url = `${api.url.replace(/\/graphql$/, '')}/exports/${file}${query}`;
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
    clock.set(READ_IN_NOVEMBER);
    researcher = await bearer('researcher');
    participants = await allParticipants(api);
    // Until an event of November is recorded, October is not closed: the release is September's, empty.
    // (A token of its own: each token may read only so much a minute.)
    const quiet = await wholeRelease(api, await bearer('researcher', null, 'researcher-before-november'));
    expect(quiet.facts.releasedAsOf).toBe('2026-09-30');
    const enrolled = await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ city: 'paris', programme: 'paris-rmi' }) });
    expect(enrolled.errors).toBeUndefined();
    releaseBeforeErasure = await wholeRelease(api, researcher);
    const { pseudonymSecret } = api.app.get<AppConfig>(APP_CONFIG);
    const released = new Set(releaseBeforeErasure.paths.map((p) => p.pseudonym));
    erased = participants.find((p) => released.has(pseudonymOf(p.id, pseudonymSecret, OCTOBER)) && p.timeline.length > 3)!;
    erasedPseudonym = pseudonymOf(erased.id, pseudonymSecret, OCTOBER);
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
      // The snapshot's date is the one date of a release, and no one's.
      expect(text.replaceAll(`"releasedAsOf":"${OCTOBER}"`, '')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    }
  });

  it("releases October's snapshot with its levels, at least loss, keeping the programme, and tells so", () => {
    expect(release.facts).toEqual({
      releasedAsOf: OCTOBER,
      levels: expect.objectContaining({ programme: 'KEPT' }),
      lossMetric: 'GENERALISED_INFORMATION_LOSS',
      loss: expect.any(Number),
      programmeKeptShare: 1,
    });
    expect(release.facts.loss).toBeGreaterThan(0);
    expect(release.facts.loss).toBeLessThan(1);
    expect(release.suppressedCount).toBeLessThanOrEqual(0.05 * 322);
  });

  it('exports the same release as CSV, named for its snapshot, with what it says of itself as JSON beside it', async () => {
    const response = await csv(api, researcher);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="life-paths-${OCTOBER}.csv"`);
    const metadata = await csv(api, researcher, '?city=paris', 'life-paths.json');
    expect(metadata.status).toBe(200);
    expect(await metadata.json()).toEqual({
      ...release.facts,
      k: 5,
      suppressedCount: release.suppressedCount,
      totalCount: release.paths.filter((p) => p.city === 'paris').length,
    });
    const [header, ...rows] = parseCsv(await response.text());
    expect(header![0]).toBe('pseudonym');
    expect(rows).toEqual(release.paths.map(csvRowOf));
  });

  describe('filtered, answers exactly the matching part of the whole release', () => {
    const cases: [string, Record<string, unknown>, string, (p: LifePath) => boolean][] = [
      ['city and outcome', { city: 'paris', outcome: 'POSITIVE' }, '?city=paris&outcome=POSITIVE', (p) => p.city === 'paris' && p.outcome === 'POSITIVE'],
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

    // 322 participants at k = 5 keep their programme at the cost of the entry period, among others.
    it('by an entry year, once anonymisation generalised entry periods away: none', async () => {
      expect(release.facts.levels).toMatchObject({ entryPeriod: 'ANY' });
      expect(release.paths.every((p) => p.entryPeriod === '*')).toBe(true);
      const filtered = await wholeRelease(api, researcher, { entryYear: 2008 });
      expect(filtered).toMatchObject({ paths: [], totalCount: 0, suppressedCount: release.suppressedCount });
      expect(parseCsv(await (await csv(api, researcher, '?entryYear=2008')).text())).toHaveLength(1);
    });

    // The evaluation's first question: how did each programme do?
    it('by programme, every programme of the run', async () => {
      const programmes = [...new Set(release.paths.map((p) => p.programme))];
      expect(programmes.sort()).toEqual(['frankfurt-kompass', 'frankfurt-test-group', 'paris-gatp', 'paris-pionnieres', 'paris-rmi', 'paris-tiers-secteur', 'stockholm-test-group']);
      for (const programme of ['paris-rmi', 'stockholm-test-group']) {
        const expected = release.paths.filter((p) => p.programme === programme);
        expect(expected.length).toBeGreaterThanOrEqual(release.k);
        expect((await wholeRelease(api, researcher, { programme })).paths).toEqual(expected);
        const [, ...rows] = parseCsv(await (await csv(api, researcher, `?programme=${programme}`)).text());
        expect(rows).toEqual(expected.map(csvRowOf));
      }
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

  it('gives an admin the same release: there is one release, whoever reads it', async () => {
    const admin = await wholeRelease(api, await bearer('admin', '*'));
    expect(admin.paths).toEqual(release.paths);
    expect(admin.facts).toEqual(release.facts);
  });

  it('refuses a CSV filter it cannot read', async () => {
    const response = await csv(api, researcher, '?outcome=GREAT&entryYear=last');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'outcome' }, { field: 'entryYear' }] } }],
    });
    const metadata = await csv(api, researcher, '?entryYear=last', 'life-paths.json');
    expect(metadata.status).toBe(400);
  });

  // Last: it moves the clock to December.
  it('answers the same until an event of the next month is recorded, then under pseudonyms that follow no path', async () => {
    // A token of its own: each token may read only so much a minute.
    const researcher = await bearer('researcher', null, 'researcher-across-months');
    clock.set('2026-11-30T20:00:00Z');
    const later = await wholeRelease(api, researcher);
    expect(later.paths).toEqual(release.paths);
    expect(later.facts).toEqual(release.facts);
    const [, ...rows] = parseCsv(await (await csv(api, researcher)).text());
    expect(rows).toEqual(release.paths.map(csvRowOf));

    // A quiet December so far: November is not closed until an event of December is recorded.
    clock.set('2026-12-02T09:00:00Z');
    const quiet = await wholeRelease(api, researcher);
    expect(quiet.facts).toEqual(release.facts);
    expect(quiet.paths).toEqual(release.paths);
    const enrolled = await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ city: 'frankfurt', programme: 'frankfurt-test-group' }) });
    expect(enrolled.errors).toBeUndefined();
    const december = await wholeRelease(api, researcher);
    expect(december.facts.releasedAsOf).toBe('2026-11-30');
    expect(december.totalCount + december.suppressedCount).toBe(323);
    const october = new Set(release.paths.map((p) => p.pseudonym));
    expect(december.paths.filter((p) => october.has(p.pseudonym))).toEqual([]);
  });
});

describe('life paths of a population too small to be made k-anonymous (e2e)', () => {
  const api = appForTests({ K_ANONYMITY: '50' });

  it("closes no month before an event is recorded, then suppresses every path rather than failing, telling a coordinator of their own city's suppressed paths only", async () => {
    clock.set('2027-01-10T10:00:00Z');
    // Nothing recorded yet: no month is closed, and the release says so.
    const none = await csv(api, await bearer('researcher'));
    expect(none.headers.get('content-disposition')).toBe('attachment; filename="life-paths.csv"');
    const noneFacts = await csv(api, await bearer('researcher'), '', 'life-paths.json');
    expect(await noneFacts.json()).toMatchObject({ releasedAsOf: null, totalCount: 0, suppressedCount: 0 });
    for (const city of ['paris', 'paris', 'frankfurt', 'stockholm']) {
      const programme = { paris: 'paris-gatp', frankfurt: 'frankfurt-test-group', stockholm: 'stockholm-test-group' }[city];
      const enrolled = await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ city, programme }) });
      expect(enrolled.errors).toBeUndefined();
    }

    clock.set('2027-02-01T10:00:00Z');
    // January closes with the first event recorded in February, which waits for March's release.
    const february = await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ city: 'paris', programme: 'paris-gatp' }) });
    expect(february.errors).toBeUndefined();
    const { data, errors } = await api.gql(LIFE_PATHS, {}, await bearer('researcher'));
    expect(errors).toBeUndefined();
    expect(data!.lifePaths).toMatchObject({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 0,
      suppressedCount: 4,
      k: 50,
      releasedAsOf: '2027-01-31',
      loss: 1,
      programmeKeptShare: 0,
    });
    const response = await csv(api, await bearer('researcher'));
    expect(parseCsv(await response.text())).toHaveLength(1);

    const coordinator = await bearer('coordinator', 'paris');
    const paris = await api.gql(LIFE_PATHS, {}, coordinator);
    expect(paris.data!.lifePaths).toMatchObject({ totalCount: 0, suppressedCount: 2 });
    const metadata = await csv(api, coordinator, '', 'life-paths.json');
    expect(await metadata.json()).toMatchObject({ totalCount: 0, suppressedCount: 2, releasedAsOf: '2027-01-31' });
  });
});
