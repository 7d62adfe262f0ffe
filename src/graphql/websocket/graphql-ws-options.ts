import type { GraphQLError } from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { hasExpired, type Principal } from '../../auth/principal';
import type { TokenVerifier } from '../../auth/token-verifier';
import type { AppConfig } from '../../config/config';
import type { Metrics } from '../../operations/metrics';
import { countRefusedCommandInputs } from '../../operations/refused-command-inputs';
import { formatGraphQLError, formatRequestError } from '../format-error';
import { webSocketDocumentHandling } from '../hardening/websocket-documents';
import { closeExpired, SocketSessions } from './socket-sessions';
import { beyondSubscriptionCap, TOO_MANY_SUBSCRIPTIONS } from './subscription-cap';

/** What graphql-ws keeps for one socket: ws's socket and upgrade request, and the caller once verified. */
export type SocketExtra = Extra & { principal?: Principal };

type SocketContext = Context<Record<string, unknown> | undefined, SocketExtra>;

/**
 * graphql-ws's options for the service's socket: the caller from connection_init's token, until
 * the token expires (docs/access-and-privacy.md, Tokens); the caps on sockets and subscriptions;
 * the documents handled as over HTTP; errors coded as over HTTP.
 */
export function graphqlWsOptions({ config, tokens, metrics }: { config: AppConfig; tokens: TokenVerifier; metrics: Metrics }): ServerOptions<Record<string, unknown> | undefined, SocketExtra> {
  const documents = webSocketDocumentHandling(config);
  const sessions = new SocketSessions();
  return {
    ...documents,
    // Refusing here closes the socket with 4403 Forbidden, before any subscription.
    // Its origin was checked at the upgrade (WebSocketOriginGate).
    onConnect: async (ctx: SocketContext) => {
      try {
        ctx.extra.principal = await tokens.verify(ctx.connectionParams?.authorization);
      } catch {
        return false;
      }
      // A socket refused here is closed already, with its own code: graphql-ws's 4403 then changes nothing.
      return sessions.open(ctx.extra.socket, ctx.extra.principal);
    },
    onSubscribe: (ctx: SocketContext, id, payload) => beyondSubscriptionCap(ctx) ?? documents.onSubscribe?.(ctx, id, payload),
    onNext: (ctx: SocketContext, _id, _payload, _args, result) => {
      // Between exp and its timer (a busy event loop), a push is held back: graphql-ws's ws
      // adapter sends nothing on a closing socket.
      if (ctx.extra.principal && hasExpired(ctx.extra.principal)) closeExpired(ctx.extra.socket);
      if (!result.errors) return undefined;
      // graphql-ws does not go through Apollo's formatError: give subscriptions the same codes.
      countRefusedCommandInputs(metrics, result.errors);
      return { ...result, errors: result.errors.map(formatGraphQLError) };
    },
    onError: (_ctx, _id, _payload, errors) => {
      countRefusedCommandInputs(metrics, errors);
      return errors.map((error: GraphQLError) => (error.extensions.code === TOO_MANY_SUBSCRIPTIONS ? error.toJSON() : formatRequestError(error)));
    },
  };
}
