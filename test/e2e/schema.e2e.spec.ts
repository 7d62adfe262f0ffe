import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { printServedSchema } from '../../src/graphql/print-schema';
import { appForTests } from '../support/test-app';

const COMMITTED = join(__dirname, '../../schema/schema.graphql');
const CONTRACT = join(__dirname, '../../../shared/contract/schema.graphql');

/**
 * Parts of the public contract that a later issue builds (anonymised life paths).
 * Each entry goes when its issue lands; nothing else of the contract may be missing.
 */
const NOT_YET_BUILT = ['LifePath', 'LifePathStep', 'LifePathEdge', 'LifePathConnection', 'LifePathFilter', 'Query.lifePaths'];

describe('the GraphQL schema (generated from the code)', () => {
  const api = appForTests();

  it('is the one committed in schema/schema.graphql (run `npm run schema` after changing it)', () => {
    expect(printServedSchema(api.app)).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('breaks nothing of the public contract that is built so far', () => {
    const breaks = findBreakingChanges(buildSchema(readFileSync(CONTRACT, 'utf8')), buildSchema(printServedSchema(api.app)));
    const unexpected = breaks
      .map((b) => b.description)
      .filter((description) => !NOT_YET_BUILT.some((name) => new RegExp(`\\b${name.replace('.', '\\.')}\\b`).test(description)));
    expect(unexpected).toEqual([]);
  });
});
