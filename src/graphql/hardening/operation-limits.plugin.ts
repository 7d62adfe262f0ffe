import type { IncomingHttpHeaders } from 'node:http';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { WithPrincipal } from '../../auth/caller.decorator';
import type { TokenVerifier } from '../../auth/token-verifier';
import type { AppConfig } from '../../config/config';
import { serviceLimits } from './service-limits';

/** Typed through Nest, which loads @apollo/server's ES module types, not its CommonJS ones. */
type ApolloServerPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** Apollo's context over HTTP (graphql-api.module.ts), where the access guard leaves the caller. */
type HttpContext = WithPrincipal & { req?: { headers: IncomingHttpHeaders } };

/**
 * Over HTTP, once the operation is known and before it runs: spends its cost from the caller's
 * query budget (QueryBudgetSpent), then waits for one of the service's operation slots
 * (ServiceBusy), given back when the answer leaves. A request whose token does not verify spends
 * no budget: the access guard refuses it, and the budget per address holds it back.
 */
export function operationLimitsPlugin(config: AppConfig, tokens: TokenVerifier): ApolloServerPlugin {
  const { queries, operations } = serviceLimits(config);
  return {
    async requestDidStart() {
      let leave: (() => void) | null = null;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const context = contextValue as HttpContext;
          // The guard takes the caller from here: the token is verified once.
          context.principal ??= await tokens.verify(context.req?.headers.authorization).catch(() => undefined);
          if (context.principal && operation) await queries.spendOn(context.principal.sub, { schema, document, operation, variables: request.variables });
          leave = await operations.enter();
        },
        async willSendResponse() {
          leave?.();
        },
      };
    },
  };
}
