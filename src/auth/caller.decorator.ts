import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from './principal';

/** Where the access guard leaves the verified caller, for GraphQL and plain HTTP alike. */
export interface WithPrincipal {
  principal?: Principal;
}

type WithHeaders = { headers: Record<string, unknown> };

/** The object the caller is kept on: the GraphQL context, or the plain HTTP request. */
export function callerContext(context: ExecutionContext): WithPrincipal {
  return context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext()
    : context.switchToHttp().getRequest();
}

/** The request's Authorization header; none over WebSocket, where connection_init carried the token. */
export function authorizationOf(context: ExecutionContext): unknown {
  const request: WithHeaders | undefined =
    context.getType<string>() === 'graphql'
      ? GqlExecutionContext.create(context).getContext<{ req?: WithHeaders }>().req
      : context.switchToHttp().getRequest<WithHeaders>();
  return request?.headers.authorization;
}

/** The verified caller of the operation (set by the access guard, which runs first). */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Principal => callerContext(context).principal!);
