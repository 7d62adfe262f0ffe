import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  type GraphQLNamedType,
  isInterfaceType,
  isObjectType,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { PARSE_OPTIONS, QUERY_LIMIT_RULES, QUERY_LIMITS } from '../../../src/graphql/hardening/query-limits';
import { CASE_FIELDS, mutation, PARTICIPANT_QUERY } from '../../support/journey-api';

const SERVED = buildSchema(readFileSync(join(__dirname, '../../../schema/schema.graphql'), 'utf8'));

const DASHBOARD_FIELDS = `city programme asOf enrolled active exited positiveExits neutralExits positiveExitRate
  positiveExitTarget jobReturns jobReturnRate jobReturnTarget businessCreations businessCreationRate
  businessCreationTarget medianDaysToOutcome followUps6m sustainedOutcomes6m exitsByReason { reason count }
  jobsByContract { contractType count } suppressed lastEventPosition updatedAt`;
const CASE_PAGE = (first: string) => `participants(city: "paris", first: ${first}) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${CASE_FIELDS} } } }`;
const LIFE_PATH_PAGE = `lifePaths(first: 100) { totalCount suppressedCount k pageInfo { hasNextPage endCursor }
  edges { cursor node { pseudonym city programme entryPeriod ageBand gender educationLevel sectorGroup outcome steps { month kind detail } } } }`;

/** The messages of the errors a document gets, as the service parses and validates it. */
function refusals(document: string): string[] {
  try {
    return validate(SERVED, parse(document, PARSE_OPTIONS), [...specifiedRules, ...QUERY_LIMIT_RULES]).map((e) => e.message);
  } catch (parseError) {
    return [(parseError as Error).message];
  }
}

const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('query limits (depth, cost with page sizes, aliases, directives, tokens)', () => {
  it.each([
    ['a full page of 100 case files with every field and timeline', `{ ${CASE_PAGE('100')} }`],
    ['a page sized by a variable', `query ($first: Int) { ${CASE_PAGE('$first')} }`],
    ['a full page of 100 life paths', `{ ${LIFE_PATH_PAGE} }`],
    ['a case file', PARTICIPANT_QUERY],
    ['a mutation answering the whole case', mutation('enrolParticipant')],
    ['every dashboard with every figure', `{ dashboards { ${DASHBOARD_FIELDS} } }`],
    [
      "the README's dashboard query",
      `{ dashboards { city enrolled active exited positiveExitRate positiveExitTarget medianDaysToOutcome }
        rmi: cityDashboard(city: "paris", programme: "paris-rmi") { jobReturns jobReturnRate jobReturnTarget }
        endOf2007: cityDashboard(city: "frankfurt", asOf: "2007-12-31") { enrolled exited positiveExitRate }
        timeToOutcome(city: "stockholm") { participants medianDays points { day stillSearching atRisk } } }`,
    ],
    ['the catalogue', '{ cities { code name country positiveExitTarget programmes { code city name targets { positiveExitRate jobReturnRate businessCreationRate } } partners { code name } } }'],
    ['a live dashboard with every figure', `subscription { dashboardUpdated(city: "paris") { ${DASHBOARD_FIELDS} } }`],
    ["GraphiQL's introspection", getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, directiveIsRepeatable: true, specifiedByUrl: true })],
  ])('lets %s through', (_, document) => {
    expect(refusals(document)).toEqual([]);
  });

  it('refuses more aliases than the limit', () => {
    expect(refusals(aliased(QUERY_LIMITS.maxAliases + 1, 'cities { code }'))).toEqual([`Aliases limit of 15 exceeded, found 16.`]);
  });

  it.each([
    ['two full pages of case files', `{ a: ${CASE_PAGE('100')} b: ${CASE_PAGE('100')} }`],
    ['two pages whose size is a variable', `query ($n: Int) { a: ${CASE_PAGE('$n')} b: ${CASE_PAGE('$n')} }`],
    ['two pages left at their default size', `{ a: ${CASE_PAGE('100').replace(', first: 100', '')} b: ${CASE_PAGE('100').replace(', first: 100', '')} }`],
    ['a page of case files and a page of life paths', `{ ${CASE_PAGE('100')} ${LIFE_PATH_PAGE} }`],
    ['a page larger than the largest one', `{ participants(first: 1000000) { edges { node { id } } } }`],
  ])('refuses %s over the cost limit', (_, document) => {
    expect(refusals(document)).toEqual([expect.stringMatching(/^Query cost limit of 5000 exceeded, found \d+ /)]);
  });

  it('counts a page given in a fragment like one written in place', () => {
    const fragment = `fragment Page on Query { ${CASE_PAGE('100')} }`;
    expect(refusals(`{ ...Page a: ${CASE_PAGE('100')} } ${fragment}`)).toEqual([expect.stringMatching(/^Query cost limit/)]);
  });

  it('costs fragments that spread each other a million times without expanding them', () => {
    // Each fragment spreads the one below twice: 2^20 expansions if costed naively.
    const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`);
    const bomb = `{ ...F20 } fragment F0 on Query { cities { code } } ${fragments.join(' ')}`;
    expect(refusals(bomb)).toEqual([expect.stringMatching(/^Query cost limit of 5000 exceeded, found 2097152 /)]);
  });

  it('survives a fragment cycle, which graphql-js refuses', () => {
    const cycle = '{ cities { partners { ...B } } } fragment B on Partner { code ...C } fragment C on Partner { ...B }';
    expect(refusals(cycle)).toEqual([expect.stringMatching(/^Cannot spread fragment "B" within itself via "C"/)]);
  });

  it('refuses a document deeper than the limit (the served schema is not that deep but for introspection)', () => {
    const deep = '{ __type(name: "Query") { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } }';
    expect(refusals(deep)).toEqual(['Query depth limit of 8 exceeded, found 9.']);
  });

  it('refuses more directives than the limit', () => {
    expect(refusals(`{ cities { code ${'@include(if: true) '.repeat(51)} } }`)).toEqual(
      expect.arrayContaining(['Directives limit of 50 exceeded, found 51.']),
    );
  });

  it('stops reading a document at the token limit', () => {
    expect(refusals(aliased(500, 'cities { code }'))).toEqual([expect.stringMatching(/^Syntax Error: Document contains more that 1000 tokens/)]);
  });

  it("keeps the served schema's deepest path within the depth limit, with room for a nested connection", () => {
    const depthBelow = (type: GraphQLNamedType, seen: readonly string[]): number => {
      if (!isObjectType(type) && !isInterfaceType(type)) return 0;
      if (seen.includes(type.name)) throw new Error(`The schema has a cycle: ${[...seen, type.name].join(' → ')}`);
      return 1 + Math.max(...Object.values(type.getFields()).map((f) => depthBelow(getNamedType(f.type), [...seen, type.name])));
    };
    // Counted from the root's fields, as the depth rule counts.
    expect(depthBelow(SERVED.getQueryType()!, []) - 1).toBeLessThanOrEqual(QUERY_LIMITS.maxDepth - 3);
  });
});
