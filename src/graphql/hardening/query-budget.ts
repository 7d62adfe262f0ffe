import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { fragmentsOf, operationCost } from './operation-cost';
import { QUERY_LIMITS } from './query-limits';

/** An operation about to run, with what its cost depends on. */
export interface OperationToRun {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables?: Readonly<Record<string, unknown>>;
}

/** A caller spent its query budget for the current minute. */
export class QueryBudgetSpent extends Error {
  override readonly name = 'QueryBudgetSpent';
  constructor(readonly retryAfterSeconds: number) {
    super(`This token has read too much this minute: try again in ${retryAfterSeconds} s`);
  }
}

/**
 * Query cost (operationCost) each token `sub` may spend per minute, so that one caller's reads
 * cannot take the service from the others. Mutations have their own budget (MUTATION_RATE_LIMIT).
 */
export class QueryBudget {
  private readonly limiter: RateLimiterMemory;

  constructor(perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  /** Spends what a query or subscription costs, its pages sized by its variables; a mutation spends nothing here. */
  async spendOn(subject: string, { schema, document, operation, variables }: OperationToRun): Promise<void> {
    if (operation.operation === 'mutation') return;
    await this.spend(subject, operationCost(schema, operation, fragmentsOf(document), { maxPageSize: QUERY_LIMITS.maxPageSize, variables }));
  }

  /** Takes `cost` from the caller's budget, or refuses with QueryBudgetSpent and takes nothing. */
  private async spend(subject: string, cost: number): Promise<void> {
    try {
      await this.limiter.consume(subject, cost);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      // A refused request spends nothing: only what was answered counts.
      await this.limiter.reward(subject, cost);
      throw new QueryBudgetSpent(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    }
  }
}
