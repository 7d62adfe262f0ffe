import { graphql, GraphQLBoolean, GraphQLError, GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, parse, validate } from 'graphql';
import { CalendarDateScalar } from '../../../src/graphql/calendar-date.scalar';
import { valueError } from '../../../src/graphql/value-errors';
import { EnrolInput } from './enrol-input';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { dashboard: { type: GraphQLBoolean, args: { asOf: { type: CalendarDateScalar } }, resolve: () => true } },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      enrol: { type: GraphQLBoolean, args: { input: { type: new GraphQLNonNull(EnrolInput) } }, resolve: () => true },
      forget: { type: GraphQLBoolean, args: { id: { type: new GraphQLNonNull(GraphQLID) } }, resolve: () => true },
    },
  }),
});

/** A valid enrolment's fields as written in a document, each replaceable. */
const VALID: Record<string, string> = { participantId: '"p-1"', enrolledOn: '"2007-03-12"', birthYear: '1954', gender: 'FEMALE', personal: '{ fullName: "Marie Dubois" }' };
const inputLiteral = (overrides: Record<string, string | null> = {}) =>
  Object.entries({ ...VALID, ...overrides })
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');

/** The errors graphql-js's validation reports for a document. */
const validationErrors = (source: string): readonly GraphQLError[] => validate(schema, parse(source));

/** The one error graphql-js reports for running a document with these variables. */
async function coercionError(source: string, variables: Record<string, unknown>): Promise<GraphQLError> {
  const result = await graphql({ schema, source, variableValues: variables });
  expect(result.errors).toHaveLength(1);
  return result.errors![0]!;
}

const enrolWith = (overrides: Record<string, string | null>) => `mutation { enrol(input: { ${inputLiteral(overrides)} }) }`;
const validInput = { participantId: 'p-1', enrolledOn: '2007-03-12', birthYear: 1954, gender: 'FEMALE', personal: { fullName: 'Marie Dubois' } };

describe('valueError, for a value written in the document', () => {
  it.each<[string, Record<string, string>, string, string]>([
    ['an impossible date', { enrolledOn: '"2007-02-30"' }, 'enrolledOn', 'Date must be a calendar date as YYYY-MM-DD, not "2007-02-30"'],
    ['a date that is not a string', { enrolledOn: '20070212' }, 'enrolledOn', 'Date must be a string as YYYY-MM-DD'],
    ['an unknown enum value', { gender: 'ROBOT' }, 'gender', 'Value "ROBOT" does not exist in "Gender" enum.'],
    ['a string for an Int', { birthYear: '"1954"' }, 'birthYear', 'Int cannot represent non-integer value: "1954"'],
    ['a nested field of the wrong type', { personal: '{ fullName: 5 }' }, 'personal.fullName', 'String cannot represent a non string value: 5'],
    ['a nested required field left out', { personal: '{ email: "x" }' }, 'personal.fullName', 'Field "PersonalInput.fullName" of required type "String!" was not provided.'],
    ['an unknown field of an input', { personal: '{ fullName: "x", emial: "x" }' }, 'personal.emial', 'Field "emial" is not defined by type "PersonalInput".'],
    ['an item of a list', { previousDates: '["2007-01-01", "2007-02-30"]' }, 'previousDates[1]', 'Date must be a calendar date as YYYY-MM-DD, not "2007-02-30"'],
  ])('names %s by its path in the input', (_, overrides, field, message) => {
    const errors = validationErrors(enrolWith(overrides));

    expect(errors).toHaveLength(1);
    expect(valueError(errors[0]!)).toEqual({
      fieldErrors: [{ field, message: expect.stringContaining(message) }],
      rootFields: [{ operation: 'mutation', name: 'enrol' }],
    });
  });

  it('names a required field left out of the input itself', () => {
    const errors = validationErrors(enrolWith({ enrolledOn: null }));

    expect(errors.map((e) => valueError(e)?.fieldErrors)).toEqual([[{ field: 'enrolledOn', message: expect.any(String) }]]);
  });

  it('names the argument when its whole value is wrong', () => {
    const [error] = validationErrors('{ dashboard(asOf: "2007-13-01") }');

    expect(valueError(error!)).toEqual({
      fieldErrors: [{ field: 'asOf', message: 'Date must be a calendar date as YYYY-MM-DD, not "2007-13-01"' }],
      rootFields: [{ operation: 'query', name: 'dashboard' }],
    });
  });

  it('finds the value under an alias, beside a valid copy of the same field', () => {
    const errors = validationErrors(`mutation { first: enrol(input: { ${inputLiteral()} }) second: enrol(input: { ${inputLiteral({ gender: 'ROBOT' })} }) }`);

    expect(errors).toHaveLength(1);
    expect(valueError(errors[0]!)?.fieldErrors).toEqual([{ field: 'gender', message: expect.any(String) }]);
  });

  it('finds nothing in an error about the document itself', () => {
    const errors = [
      ...validationErrors('{ dashbord }'),
      ...validationErrors('mutation { enrol }'),
      ...validationErrors(`mutation ($d: String) { enrol(input: { ${inputLiteral({ enrolledOn: '$d' })} }) }`),
      ...validationErrors('mutation { forget(id: "p-1", reason: "x") }'),
    ];

    expect(errors).toHaveLength(4);
    expect(errors.map((e) => valueError(e))).toEqual([null, null, null, null]);
  });
});

describe('valueError, for a value sent as a variable', () => {
  const ENROL = 'mutation Enrol($input: EnrolInput!) { enrol(input: $input) }';

  it('names the nested field by its path below the variable', async () => {
    const error = await coercionError(ENROL, { input: { ...validInput, personal: { fullName: 'Marie Dubois', email: 5 } } });

    expect(valueError(error)).toEqual({
      fieldErrors: [{ field: 'personal.email', message: 'String cannot represent a non string value: 5' }],
      rootFields: [{ operation: 'mutation', name: 'enrol' }],
    });
  });

  it('names a missing required field, nested or not', async () => {
    const { participantId: _, ...withoutId } = validInput;
    expect(valueError(await coercionError(ENROL, { input: withoutId }))?.fieldErrors).toEqual([
      { field: 'participantId', message: 'Field "participantId" of required type "ID!" was not provided.' },
    ]);
    expect(valueError(await coercionError(ENROL, { input: { ...validInput, personal: {} } }))?.fieldErrors).toEqual([
      { field: 'personal.fullName', message: 'Field "fullName" of required type "String!" was not provided.' },
    ]);
  });

  it('names the argument when the whole value is wrong or missing', async () => {
    expect(valueError(await coercionError(ENROL, { input: 'p-1' }))?.fieldErrors).toEqual([
      { field: 'input', message: 'Expected type "EnrolInput" to be an object.' },
    ]);
    expect(valueError(await coercionError(ENROL, {}))?.fieldErrors).toEqual([
      { field: 'input', message: 'Variable "$input" of required type "EnrolInput!" was not provided.' },
    ]);
  });

  it('names a scalar variable by where the input uses it', async () => {
    const source = `mutation ($d: Date!, $p: PersonalInput) { enrol(input: { participantId: "p-1", enrolledOn: $d, personal: $p }) }`;

    expect(valueError(await coercionError(source, { d: '2007-02-30' }))).toEqual({
      fieldErrors: [{ field: 'enrolledOn', message: 'Date must be a calendar date as YYYY-MM-DD, not "2007-02-30"' }],
      rootFields: [{ operation: 'mutation', name: 'enrol' }],
    });
    expect(valueError(await coercionError(source, { d: '2007-02-28', p: { fullName: 'x', email: 5 } }))?.fieldErrors).toEqual([
      { field: 'personal.email', message: 'String cannot represent a non string value: 5' },
    ]);
  });

  it('names every place a variable is used, in the operation run', async () => {
    const source = `
      query Other($d: Date) { dashboard(asOf: $d) }
      mutation Both($d: Date!) { first: enrol(input: { participantId: "p-1", enrolledOn: $d }) second: enrol(input: { participantId: "p-2", enrolledOn: "2007-01-01", previousDates: [$d] }) }`;
    const result = await graphql({ schema, source, variableValues: { d: '2007-02-30' }, operationName: 'Both' });

    expect(valueError(result.errors![0]!)).toEqual({
      fieldErrors: [
        { field: 'enrolledOn', message: expect.any(String) },
        { field: 'previousDates[0]', message: expect.any(String) },
      ],
      rootFields: [{ operation: 'mutation', name: 'enrol' }],
    });
  });
});

describe('valueError, for other errors', () => {
  it('finds nothing in an error without a node or of another kind', () => {
    expect(valueError(new GraphQLError('Cannot query field "enroll" on type "Mutation".'))).toBeNull();
    expect(valueError(new GraphQLError('Boom', { nodes: parse('{ dashboard }').definitions[0] }))).toBeNull();
  });
});
