import { randomUUID } from 'node:crypto';
import type { GraphQLResponse } from '../support/graphql-client';
import { enrolmentInput, mutation, PARTICIPANT_QUERY } from '../support/journey-api';
import { appForTests } from '../support/test-app';

/** An enrolment's input written in the document, as a client may send it instead of variables. */
function inlineEnrolment(overrides: Record<string, string>): string {
  const fields: Record<string, string> = {
    participantId: `"${randomUUID()}"`,
    city: '"paris"',
    programme: '"paris-gatp"',
    enrolledOn: '"2007-03-12"',
    birthYear: '1953',
    gender: 'FEMALE',
    educationLevel: 'ISCED_5_8',
    positionLevel: 'SENIOR_MANAGER',
    lastSector: '"K"',
    incomeSupport: 'UNEMPLOYMENT_INSURANCE',
    personal: '{ fullName: "Hélène Marchetti", email: "helene@example.org" }',
    ...overrides,
  };
  const input = Object.entries(fields).map(([name, value]) => `${name}: ${value}`).join(', ');
  return `mutation { enrolParticipant(input: { ${input} }) { id } }`;
}

const PARTICIPANTS = '{ participants(first: 100) { totalCount } }';

describe('input errors a client can act on (e2e, real app over HTTP): written inline or sent as variables alike', () => {
  const api = appForTests();
  let casesBefore: number;

  beforeAll(async () => {
    expect((await api.gql(mutation('enrolParticipant'), { input: enrolmentInput() })).errors).toBeUndefined();
    casesBefore = (await api.gql(PARTICIPANTS)).data!.participants.totalCount;
  });

  /** The one error answered, with BAD_USER_INPUT and exactly these fields; nothing stored. */
  async function expectRefused(res: GraphQLResponse, fields: string[], participantId: unknown): Promise<void> {
    expect(res.errors).toHaveLength(1);
    const { extensions } = res.errors![0]!;
    expect(extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: expect.any(Array) });
    expect((extensions!.fieldErrors as { field: string }[]).map((e) => e.field).sort()).toEqual([...fields].sort());
    for (const error of extensions!.fieldErrors as { message: string }[]) expect(error.message).toEqual(expect.any(String));
    expect((await api.gql(PARTICIPANT_QUERY, { id: participantId })).data!.participant).toBeNull();
    expect((await api.gql(PARTICIPANTS)).data!.participants.totalCount).toBe(casesBefore);
  }

  describe.each<[string, Record<string, string>, Record<string, unknown>, string]>([
    ['an impossible date', { enrolledOn: '"2007-02-30"' }, { enrolledOn: '2007-02-30' }, 'enrolledOn'],
    ['an unknown enum value', { gender: 'ROBOT' }, { gender: 'ROBOT' }, 'gender'],
    ['a malformed email', { personal: '{ fullName: "Hélène Marchetti", email: "x" }' }, { personal: { fullName: 'Hélène Marchetti', email: 'x' } }, 'personal.email'],
    ['a nested field left out', { personal: '{ email: "helene@example.org" }' }, { personal: { email: 'helene@example.org' } }, 'personal.fullName'],
  ])('%s', (_, inline, variables, field) => {
    it(`written in the query: BAD_USER_INPUT naming ${field}`, async () => {
      const participantId = randomUUID();
      await expectRefused(await api.gql(inlineEnrolment({ ...inline, participantId: `"${participantId}"` })), [field], participantId);
    });

    it(`sent in $input: BAD_USER_INPUT naming ${field}`, async () => {
      const input = enrolmentInput(variables);
      await expectRefused(await api.gql(mutation('enrolParticipant'), { input }), [field], input.participantId);
    });
  });

  it('names the field where a scalar variable is used in the input, not the variable', async () => {
    const participantId = randomUUID();
    const document = inlineEnrolment({ participantId: `"${participantId}"`, enrolledOn: '$d' }).replace('mutation {', 'mutation Enrol($d: Date!) {');

    const res = await api.gql(document, { d: '2007-02-30' });

    await expectRefused(res, ['enrolledOn'], participantId);
    expect(res.errors![0]!.extensions!.fieldErrors).toEqual([{ field: 'enrolledOn', message: 'Date must be a calendar date as YYYY-MM-DD, not "2007-02-30"' }]);
  });

  it('reports a birth year out of range and a malformed email together, in one answer', async () => {
    const input = enrolmentInput({ birthYear: 1900, personal: { fullName: 'Hélène Marchetti', email: 'x' } });
    await expectRefused(await api.gql(mutation('enrolParticipant'), { input }), ['birthYear', 'personal.email'], input.participantId);

    const participantId = randomUUID();
    const inline = inlineEnrolment({ participantId: `"${participantId}"`, birthYear: '1900', personal: '{ fullName: "Hélène Marchetti", email: "x" }' });
    await expectRefused(await api.gql(inline), ['birthYear', 'personal.email'], participantId);
  });

  it("reports every input error that needs no journey together: catalogue codes, the class rules and the enrolment's dates", async () => {
    const input = enrolmentInput({
      programme: 'frankfurt-kompass',
      unemployedSince: '2008-01-01',
      lastSector: 'Z',
      personal: { fullName: '   ', phone: 'call me' },
    });
    await expectRefused(
      await api.gql(mutation('enrolParticipant'), { input }),
      ['programme', 'unemployedSince', 'lastSector', 'personal.fullName', 'personal.phone'],
      input.participantId,
    );
  });

  describe.each([
    ['words and spaces', 'enrol Zebulon Quagga'],
    ['an email address', 'zebulon.quagga@example.org'],
    ['more than 64 characters', 'a'.repeat(65)],
    ['nothing', ''],
  ])('a commandId that is no opaque token (%s)', (_, commandId) => {
    const TOKEN_MESSAGE = "commandId must be an opaque token of 1 to 64 letters, digits, '-' or '_' (a UUID will do)";

    it('refuses an enrolment with BAD_USER_INPUT saying what a commandId must be, and stores nothing', async () => {
      const input = enrolmentInput({ commandId });
      const res = await api.gql(mutation('enrolParticipant'), { input });
      await expectRefused(res, ['commandId'], input.participantId);
      expect(res.errors![0]!.extensions!.fieldErrors).toEqual([{ field: 'commandId', message: TOKEN_MESSAGE }]);
    });

    it('refuses a milestone and an erasure the same way, and the case stays as it was', async () => {
      const enrolment = enrolmentInput();
      const participantId = enrolment.participantId as string;
      expect((await api.gql(mutation('enrolParticipant'), { input: enrolment })).errors).toBeUndefined();
      casesBefore += 1;
      const coaching = { participantId, occurredOn: '2007-04-02', mode: 'GROUP', durationMinutes: 30, commandId };

      for (const [name, input] of [
        ['recordCoachingSession', coaching],
        ['erasePersonalData', { participantId, reason: 'Asked by the participant', commandId }],
      ] as const) {
        const res = await api.gql(mutation(name), { input });
        expect(res.errors).toHaveLength(1);
        expect(res.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'commandId', message: TOKEN_MESSAGE }] });
      }
      const stored = (await api.gql(PARTICIPANT_QUERY, { id: participantId })).data!.participant;
      expect(stored).toMatchObject({ version: 1, personalDataErased: false });
    });
  });

  it('takes a UUID, and any token of 64 letters, digits, - and _, as a commandId', async () => {
    for (const commandId of [randomUUID(), `${'Az09_-'.repeat(10)}abcd`]) {
      const res = await api.gql(mutation('enrolParticipant'), { input: enrolmentInput({ commandId }) });
      expect(res.errors).toBeUndefined();
    }
    casesBefore += 2;
  });

  it('keeps a document error that is not about a value GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await api.gql(inlineEnrolment({}).replace('{ id }', '{ idd }'));
    expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
  });
});
