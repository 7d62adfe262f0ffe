import { GraphQLError, type ValidationRule } from 'graphql';
import { operationCost } from './operation-cost';

export interface PageCostLimit {
  maxCost: number;
  /** The largest page a connection serves. */
  maxPageSize: number;
}

/**
 * Refuses a document that could ask for too much (operationCost). Variables are not known during
 * validation: a page sized by one counts as the largest page.
 */
export function pageCostRule({ maxCost, maxPageSize }: PageCostLimit): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const cost = operationCost(context.getSchema(), operation, (name) => context.getFragment(name) ?? undefined, { maxPageSize });
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(
            `Query cost limit of ${maxCost} exceeded, found ${cost} (a page's selection counts once per item; ` +
              `a page whose \`first\` is not written in the query counts as ${maxPageSize} items).`,
            { nodes: operation },
          ),
        );
      }
    },
  });
}
