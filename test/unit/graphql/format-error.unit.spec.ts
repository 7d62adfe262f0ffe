import { Logger } from '@nestjs/common';
import { graphql, GraphQLBoolean, GraphQLError, type GraphQLFormattedError, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, parse, validate } from 'graphql';
import { WrongExpectedVersion } from '../../../src/event-store/event-store.port';
import { formatError, formatGraphQLError, formatRequestError } from '../../../src/graphql/format-error';
import { InvalidInput, ParticipantNotFound, RuleViolation } from '../../../src/journey/domain/errors';
import { EnrolInput } from './enrol-input';

/** What the `enrol` resolver throws, set by each test. */
let thrown: unknown;
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean, resolve: () => true } } }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      enrol: {
        type: GraphQLBoolean,
        args: { input: { type: new GraphQLNonNull(EnrolInput) } },
        resolve: () => {
          throw thrown;
        },
      },
    },
  }),
});
const ENROL = 'mutation Enrol($input: EnrolInput!) { enrol(input: $input) }';
const validInput = { participantId: 'p-1', enrolledOn: '2007-03-12', birthYear: 1954, personal: { fullName: 'Marie Dubois', gender: 'FEMALE' } };

/** The one error graphql-js reports for running `enrol` with these variables. */
async function executionError(input: unknown): Promise<GraphQLError> {
  const result = await graphql({ schema, source: ENROL, variableValues: { input } });
  expect(result.errors).toHaveLength(1);
  return result.errors![0];
}

/** The error the resolver's `error` turns into, as graphql-js locates it (with a path and the original error). */
async function resolverError(error: unknown): Promise<GraphQLError> {
  thrown = error;
  const located = await executionError(validInput);
  expect(located.path).toEqual(['enrol']);
  return located;
}

/**
 * As Apollo Server calls `formatError`: the error already formatted (here with the stack trace it
 * adds when asked to), then the raw error.
 */
function formatAsApollo(error: GraphQLError): GraphQLFormattedError {
  const formatted: GraphQLFormattedError = {
    ...error.toJSON(),
    extensions: {
      ...error.extensions,
      code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR',
      stacktrace: error.stack?.split('\n'),
    },
  };
  return formatError(formatted, error);
}

/** Apollo codes graphql-js's validation errors GRAPHQL_VALIDATION_FAILED (its ValidationError). */
const asApolloValidationError = (error: GraphQLError): GraphQLError =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    originalError: error.originalError ?? error,
    extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
  });

/** Apollo flags graphql-js's variable coercion errors as user input errors (its UserInputError). */
const asApolloUserInputError = (error: GraphQLError): GraphQLError =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    originalError: error.originalError ?? error,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
  });

describe('formatError', () => {
  let logged: jest.SpyInstance;

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('gives a broken rule RULE_VIOLATION and the rule in extensions.rule', async () => {
    const error = await resolverError(new RuleViolation('DATE_BEFORE_ENROLMENT', 'The milestone is dated before the enrolment'));

    expect(formatAsApollo(error)).toEqual({
      message: 'The milestone is dated before the enrolment',
      locations: [{ line: 1, column: 39 }],
      path: ['enrol'],
      extensions: { code: 'RULE_VIOLATION', rule: 'DATE_BEFORE_ENROLMENT' },
    });
  });

  it('gives invalid input BAD_USER_INPUT and its fieldErrors', async () => {
    const fieldErrors = [
      { field: 'programme', message: 'paris-rmi is not a programme of frankfurt' },
      { field: 'birthYear', message: 'must be from 1930 to 1967' },
    ];
    const error = await resolverError(new InvalidInput(fieldErrors));

    expect(formatAsApollo(error)).toEqual({
      message: 'programme: paris-rmi is not a programme of frankfurt; birthYear: must be from 1930 to 1967',
      locations: [{ line: 1, column: 39 }],
      path: ['enrol'],
      extensions: { code: 'BAD_USER_INPUT', fieldErrors },
    });
  });

  it('gives a concurrent change CONFLICT and the current version', async () => {
    const error = await resolverError(new WrongExpectedVersion('participant-p-1', 3, 5));

    expect(formatAsApollo(error)).toMatchObject({
      message: 'The case is at version 5, not 3',
      path: ['enrol'],
      extensions: { code: 'CONFLICT', currentVersion: 5 },
    });
    expect(Object.keys(formatAsApollo(error).extensions!)).toEqual(['code', 'currentVersion']);
  });

  it('gives an unknown participant NOT_FOUND', async () => {
    const error = await resolverError(new ParticipantNotFound('p-404'));

    expect(formatAsApollo(error)).toEqual({
      message: 'No participant p-404',
      locations: [{ line: 1, column: 39 }],
      path: ['enrol'],
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('hides any other error behind INTERNAL_SERVER_ERROR, without its message or stack, and logs it', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'Marie Dubois')");
    const error = await resolverError(bug);

    const formatted = formatAsApollo(error);

    expect(formatted).toEqual({
      message: 'Internal server error',
      locations: [{ line: 1, column: 39 }],
      path: ['enrol'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const json = JSON.stringify(formatted);
    expect(json).not.toContain('Marie Dubois');
    expect(json).not.toContain('Cannot read properties');
    expect(json).not.toMatch(/stack/i);
    expect(json).not.toContain(__filename);
    expect(json).not.toContain('.ts:');
    // The detail stays on the server side.
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0][0]).toBe(bug);
  });

  it('hides a thrown value that is not an Error', async () => {
    const error = await resolverError('Marie Dubois has no file');

    const json = JSON.stringify(formatAsApollo(error));

    expect(json).toContain('"code":"INTERNAL_SERVER_ERROR"');
    expect(json).not.toContain('Marie Dubois');
  });

  it('gives a variable of the wrong type BAD_USER_INPUT with the field in fieldErrors', async () => {
    const coercion = await executionError({ ...validInput, personal: { fullName: 'x', gender: 'F' } });

    const formatted = formatAsApollo(asApolloUserInputError(coercion));

    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'personal.gender', message: 'Value "F" does not exist in "Gender" enum.' }],
    });
    expect(formatted.message).toBe(coercion.message);
  });

  it('gives a value written in the document that does not validate BAD_USER_INPUT, as through a variable', () => {
    const [invalid] = validate(schema, parse('mutation { enrol(input: { participantId: "p-1", enrolledOn: "2007-02-30" }) }'));

    const formatted = formatAsApollo(asApolloValidationError(invalid!));

    expect(formatted).toEqual({
      message: 'Date must be a calendar date as YYYY-MM-DD, not "2007-02-30"',
      locations: [{ line: 1, column: 61 }],
      extensions: {
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'enrolledOn', message: 'Date must be a calendar date as YYYY-MM-DD, not "2007-02-30"' }],
      },
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it('keeps the code of an error about the request, dropping the rest', () => {
    const validation = new GraphQLError('Cannot query field "enroll" on type "Mutation".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });

    expect(formatAsApollo(validation)).toEqual({
      message: 'Cannot query field "enroll" on type "Mutation".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(logged).not.toHaveBeenCalled();
  });
});

describe('formatGraphQLError (graphql-ws, where no Apollo code path runs)', () => {
  it('gives a variable graphql-js could not coerce BAD_USER_INPUT, as Apollo does over HTTP', async () => {
    const coercion = await executionError({ ...validInput, personal: { fullName: 'x', gender: 'F' } });

    expect(formatGraphQLError(coercion)).toEqual({
      message: coercion.message,
      locations: [{ line: 1, column: 16 }],
      extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'personal.gender', message: 'Value "F" does not exist in "Gender" enum.' }] },
    });
  });
});

describe('formatRequestError (graphql-ws, a document that does not parse or validate)', () => {
  it('codes a value written in the document BAD_USER_INPUT, as over HTTP', () => {
    const [invalid] = validate(schema, parse('mutation { enrol(input: { participantId: "p-1", enrolledOn: "2007-03-12", personal: { fullName: "x", gender: F } }) }'));

    expect(formatRequestError(invalid!).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'personal.gender', message: 'Value "F" does not exist in "Gender" enum.' }],
    });
  });

  it('codes any other document error as Apollo does', () => {
    const [unknown] = validate(schema, parse('{ nope }'));

    expect(formatRequestError(unknown!)).toEqual({ message: 'Cannot query field "nope" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatRequestError(new GraphQLError('Syntax Error: Unexpected "}".')).extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });
});
