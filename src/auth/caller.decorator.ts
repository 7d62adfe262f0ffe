import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from './principal';

/** Where the access guard leaves the verified caller, for GraphQL and plain HTTP alike. */
export interface WithPrincipal {
  principal?: Principal;
}

export function callerContext(context: ExecutionContext): WithPrincipal & { req?: { headers: Record<string, unknown> } } {
  return context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext()
    : context.switchToHttp().getRequest();
}

/** The verified caller of the operation (set by the access guard, which runs first). */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Principal => callerContext(context).principal!);
