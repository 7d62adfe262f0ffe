import { CaseFilesReader } from '../../src/read-side/cases/case-files.reader';
import { enrolmentInput } from '../support/journey-api';
import { appForTests } from '../support/test-app';
import { bearer } from '../support/tokens';

const ENROL = `mutation ($input: EnrolParticipantInput!) { enrolParticipant(input: $input) { id reference } }`;
const SEARCH = `query ($search: String, $city: String) {
  participants(search: $search, city: $city) { totalCount edges { node { id reference city } } } }`;

interface Enrolled {
  id: string;
  reference: string;
}

interface Found {
  totalCount: number;
  edges: { node: { id: string; reference: string; city: string } }[];
}

describe('case references and search (e2e, real app on a SQLite file)', () => {
  const api = appForTests();
  const enrolled: Enrolled[] = [];
  let stockholm: Enrolled;

  const enrol = async (overrides: Record<string, unknown> = {}) => {
    const res = await api.gql(ENROL, { input: enrolmentInput(overrides) });
    expect(res.errors).toBeUndefined();
    return res.data!.enrolParticipant as Enrolled;
  };
  const search = async (text: string, authorization?: string, city?: string): Promise<Found> => {
    const res = await api.gql(SEARCH, { search: text, city }, authorization);
    expect(res.errors).toBeUndefined();
    return res.data!.participants;
  };

  const named = (fullName: string) => ({ fullName, email: null, phone: null });
  const ids = async (text: string, authorization?: string) => (await search(text, authorization)).edges.map((e) => e.node.id).sort();
  const idsOf = (...cases: { id: string }[]) => cases.map((c) => c.id).sort();

  beforeAll(async () => {
    for (const name of ['Marie-Élise Dupont', 'Jean Dupont', 'Jürgen Müller', 'Hans MULLER']) enrolled.push(await enrol({ personal: named(name) }));
    stockholm = await enrol({ city: 'stockholm', programme: 'stockholm-test-group', personal: named('Anna Dupont') });
  });

  it("answers the enrolment with the case's reference: the city's prefix and its number among the city's enrolments", () => {
    expect(enrolled.map((c) => c.reference)).toEqual(['PAR-0001', 'PAR-0002', 'PAR-0003', 'PAR-0004']);
    expect(stockholm.reference).toBe('STO-0001');
  });

  it.each(['PAR-0002', 'par-2', 'Par 0002', 'par2', '  PAR-02 '])('finds a case by its reference typed as %j', async (typed) => {
    expect(await search(typed)).toEqual({ totalCount: 1, edges: [{ node: { id: enrolled[1]!.id, reference: 'PAR-0002', city: 'paris' } }] });
  });

  it('finds nothing for a reference no case has, nor for a reference of a prefix no city has, nor for a name nobody has, without reading the list of cases', async () => {
    const list = jest.spyOn(api.app.get(CaseFilesReader), 'list');
    try {
      expect((await search('PAR-0099')).totalCount).toBe(0);
      expect((await search('XYZ-0001')).totalCount).toBe(0);
      expect(await search('Nobodyhasthisname')).toEqual({ totalCount: 0, edges: [] });
      expect(list).not.toHaveBeenCalled();
    } finally {
      list.mockRestore();
    }
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
    expect((await search('   ')).totalCount).toBe(5);
  });

  it('finds participants by words of their names, in any case and with or without accents', async () => {
    const [marieElise, jean, jurgen, hans] = enrolled as [Enrolled, Enrolled, Enrolled, Enrolled];
    const paris = await bearer('adviser', 'paris');
    expect(await ids('dupont', paris)).toEqual(idsOf(marieElise, jean));
    expect(await ids('Marie Dupont', paris)).toEqual(idsOf(marieElise));
    expect(await ids('DUPONT marie-elise', paris)).toEqual(idsOf(marieElise));
    expect(await ids('élise', paris)).toEqual(idsOf(marieElise));
    expect(await ids('müller', paris)).toEqual(idsOf(jurgen, hans));
    expect(await ids('Muller', paris)).toEqual(idsOf(jurgen, hans));
    // Every word must be in the name: a word of another participant's name finds no one.
    expect(await ids('Jean Müller', paris)).toEqual([]);
    expect(await ids('Dupon', paris)).toEqual([]);
  });

  it("gives an adviser of another city nothing for a name of a city that is not theirs", async () => {
    expect(await ids('Anna Dupont', await bearer('adviser', 'paris'))).toEqual([]);
    expect(await ids('Anna Dupont', await bearer('adviser', 'stockholm'))).toEqual(idsOf(stockholm));
    expect(await ids('dupont', await bearer('adviser', 'frankfurt'))).toEqual([]);
    expect((await search('dupont', await bearer('admin', '*'))).totalCount).toBe(3);
  });

  it.each([
    ['a search longer than 100 characters', `PAR-${'0'.repeat(100)}1`],
    ['punctuation only', '-- ?!'],
    ['digits only', '0042'],
  ])('refuses %s with a field error on search', async (_, text) => {
    const res = await api.gql(SEARCH, { search: text });
    expect(res.data).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ field: 'search' })] });
  });
});
