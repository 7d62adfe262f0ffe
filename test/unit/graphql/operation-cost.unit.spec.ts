import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { fragmentsOf, operationCost } from '../../../src/graphql/hardening/operation-cost';
import { operationLabel } from '../../../src/operations/operation-label';

const SERVED = buildSchema(readFileSync(join(__dirname, '../../../schema/schema.graphql'), 'utf8'));

const costOf = (document: string, variables?: Record<string, unknown>) => {
  const parsed = parse(document);
  return operationCost(SERVED, getOperationAST(parsed)!, fragmentsOf(parsed), { maxPageSize: 100, variables });
};

describe('operation cost, as validation limits it and the query budget spends it', () => {
  const PAGE = 'query ($n: Int) { participants(first: $n) { edges { node { id } } } }';

  it('counts a page sized by a variable as its value once known, else as the largest page', () => {
    expect(costOf(PAGE, { n: 10 })).toBe(1 + 10 * 3);
    expect(costOf(PAGE)).toBe(1 + 100 * 3);
    // A value the page would refuse counts as no more than the largest page.
    expect(costOf(PAGE, { n: 1e9 })).toBe(1 + 100 * 3);
    expect(costOf(PAGE, { n: 'ten' })).toBe(1 + 100 * 3);
  });

  it('counts fragments where they are spread', () => {
    expect(costOf('query ($n: Int) { participants(first: $n) { ...Page } } fragment Page on ParticipantConnection { edges { node { id } } }', { n: 10 })).toBe(1 + 10 * 3);
  });
});

describe('operation label of the metrics', () => {
  const label = (document: string) => operationLabel(SERVED, getOperationAST(parse(document)));

  it("is the operation's first root field the schema declares, whatever the client named it", () => {
    expect(label('query AnyNameAtAll { cities { code } }')).toBe('cities');
    expect(label('mutation M($input: RecordExitInput!) { recordExit(input: $input) { id } }')).toBe('recordExit');
    expect(label('subscription { dashboardUpdated(city: "paris") { city } }')).toBe('dashboardUpdated');
  });

  it("is 'other' for anything else", () => {
    expect(label('{ __typename }')).toBe('other');
    expect(label('{ nope }')).toBe('other');
    expect(operationLabel(SERVED, undefined)).toBe('other');
  });
});
