import { enrolmentInput } from '../support/journey-api';
import { appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

const ENROL = `mutation ($input: EnrolParticipantInput!) { enrolParticipant(input: $input) { id reference } }`;
const SEARCH = `query ($search: String, $city: String) {
  participants(search: $search, city: $city) { totalCount edges { node { id reference city } } } }`;

interface Found {
  totalCount: number;
  edges: { node: { id: string; reference: string; city: string } }[];
}

describe('case references and search (e2e, real app on a SQLite file)', () => {
  const api = appForTests();
  const enrolled: { id: string; reference: string }[] = [];
  let stockholm: { id: string; reference: string };

  const enrol = async (overrides: Record<string, unknown> = {}) => {
    const res = await api.gql(ENROL, { input: enrolmentInput(overrides) });
    expect(res.errors).toBeUndefined();
    return res.data!.enrolParticipant as { id: string; reference: string };
  };
  const search = async (text: string, authorization?: string, city?: string): Promise<Found> => {
    const res = await api.gql(SEARCH, { search: text, city }, authorization);
    expect(res.errors).toBeUndefined();
    return res.data!.participants;
  };

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) enrolled.push(await enrol());
    stockholm = await enrol({ city: 'stockholm', programme: 'stockholm-test-group' });
  });

  it("answers the enrolment with the case's reference: the city's prefix and its number among the city's enrolments", () => {
    expect(enrolled.map((c) => c.reference)).toEqual(['PAR-0001', 'PAR-0002', 'PAR-0003']);
    expect(stockholm.reference).toBe('STO-0001');
  });

  it.each(['PAR-0002', 'par-2', 'Par 0002', 'par2', '  PAR-02 '])('finds a case by its reference typed as %j', async (typed) => {
    expect(await search(typed)).toEqual({ totalCount: 1, edges: [{ node: { id: enrolled[1]!.id, reference: 'PAR-0002', city: 'paris' } }] });
  });

  it('finds nothing for a reference no case has, nor for a reference of a prefix no city has', async () => {
    expect((await search('PAR-0099')).totalCount).toBe(0);
    expect((await search('XYZ-0001')).totalCount).toBe(0);
  });

  it("gives an adviser nothing for another city's reference, as for one that does not exist, and their own city's", async () => {
    const paris = await bearer('adviser', 'paris');
    expect(await search('STO-0001', paris)).toEqual({ totalCount: 0, edges: [] });
    expect(await search('STO-0002', paris)).toEqual({ totalCount: 0, edges: [] });
    expect((await search('par-1', paris)).edges.map((e) => e.node.id)).toEqual([enrolled[0]!.id]);
    // An admin's every city, narrowed by the city asked for.
    expect((await search('STO-1', await bearer('admin', '*'))).totalCount).toBe(1);
    expect((await search('STO-1', await bearer('admin', '*'), 'paris')).totalCount).toBe(0);
  });

  it('lists every case when the search is blank', async () => {
    expect((await search('   ')).totalCount).toBe(4);
  });

  it.each([
    ['a search longer than 100 characters', `PAR-${'0'.repeat(100)}1`],
    ['punctuation only', '-- ?!'],
  ])('refuses %s with a field error on search', async (_, text) => {
    const res = await api.gql(SEARCH, { search: text });
    expect(res.data).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ field: 'search' })] });
  });
});
