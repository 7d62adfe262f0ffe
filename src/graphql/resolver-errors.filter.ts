import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * Leaves a resolver's error to formatError, which codes it and logs it only when it is a fault of
 * the service. Nest's own handler would log every one at error level with its stack, a client's
 * mistake (FORBIDDEN, CONFLICT, BAD_USER_INPUT…) included. Other requests are Nest's as before.
 */
@Catch()
export class ResolverErrorsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<GqlContextType>() === 'graphql') throw exception;
    super.catch(exception, host);
  }
}
