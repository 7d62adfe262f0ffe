import { GraphQLError } from 'graphql';
import type { Context } from 'graphql-ws';

/**
 * Operations one socket may run at once (subscriptions, and queries or mutations under way): a
 * dashboard page holds a handful; each costs a listener and its buffered pushes.
 */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

/** The code of the refusal, kept as it is by the socket's error formatting. */
export const TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS';

/**
 * The refusal of a subscribe message beyond the cap, or undefined. graphql-ws has counted the new
 * operation in ctx.subscriptions before its onSubscribe hook runs, and drops it after the refusal.
 */
export function beyondSubscriptionCap(ctx: Context): GraphQLError[] | undefined {
  if (Object.keys(ctx.subscriptions).length <= MAX_SUBSCRIPTIONS_PER_SOCKET) return undefined;
  const message = `A socket may run at most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions at once: complete one first, or open another socket`;
  return [new GraphQLError(message, { extensions: { code: TOO_MANY_SUBSCRIPTIONS } })];
}
