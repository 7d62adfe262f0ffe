import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { printServedSchema } from '../../src/graphql/print-schema';
import { appForTests } from '../support/test-app';

const COMMITTED = join(__dirname, '../../schema/schema.graphql');
/** The published contract, kept by hand in the repository: the served schema must not break it. */
const CONTRACT = join(__dirname, '../../schema/public-contract.graphql');

describe('the GraphQL schema (generated from the code)', () => {
  const api = appForTests();

  it('is the one committed in schema/schema.graphql (run `npm run schema` after changing it)', () => {
    expect(printServedSchema(api.app)).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('breaks nothing of the public contract in schema/public-contract.graphql', () => {
    const breaks = findBreakingChanges(buildSchema(readFileSync(CONTRACT, 'utf8')), buildSchema(printServedSchema(api.app)));
    expect(breaks.map((b) => b.description)).toEqual([]);
  });
});
