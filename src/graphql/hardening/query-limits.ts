import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { MAX_PAGE_SIZE } from '../../read-side/graphql/case-files.resolver';
import { pageCostRule } from './page-cost.rule';

/**
 * What one document may ask for, over HTTP and WebSocket alike. The largest legitimate documents
 * fit with room: a page of 100 case files with every field and timeline costs about 3,900, a
 * README query has 2 aliases, GraphiQL's introspection under 200 tokens.
 */
export const QUERY_LIMITS = {
  /** The schema's deepest path has 5 fields (participants → edges → node → timeline → kind); a cycle added later stops here. */
  maxDepth: 8,
  /** One full page of the largest connection, not two. */
  maxCost: 5000,
  maxPageSize: MAX_PAGE_SIZE,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 1000,
} as const;

/** graphql-js stops reading a document at the token limit, before it builds a tree of it. */
export const PARSE_OPTIONS: ParseOptions = { maxTokens: QUERY_LIMITS.maxTokens };

/**
 * graphql-armor reports a refusal as a "Syntax Error"; it is a validation error, coded as such by
 * Apollo and by formatRequestError.
 */
const reportAsValidationError = (context: ValidationContext | null, error: GraphQLError): void =>
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));

const armorRejection = { propagateOnRejection: false, onReject: [reportAsValidationError] };

/** Validation rules added to graphql-js's own. */
export const QUERY_LIMIT_RULES: ValidationRule[] = [
  ...new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true, ...armorRejection },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...armorRejection },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...armorRejection },
    // Done by pageCostRule, by PARSE_OPTIONS and by graphql-js's hideSuggestions.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules,
  pageCostRule(QUERY_LIMITS),
];
