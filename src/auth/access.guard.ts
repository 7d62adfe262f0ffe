import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Forbidden, Unauthenticated } from './access-errors';
import { assertAllowed, type Capability } from './access-policy';
import { authorizationOf, callerContext } from './caller.decorator';
import { MutationRateLimit } from './mutation-rate-limit';
import { hasExpired } from './principal';
import { PUBLIC_ENDPOINT } from './public.decorator';
import { REQUIRED_CAPABILITY } from './requires.decorator';
import { TokenVerifier } from './token-verifier';

/**
 * Runs before every resolver and controller: who calls (the bearer token, not expired), whether the role may
 * use the operation at all (docs/access-and-privacy.md), and the mutation budget. Checks that depend on a city are
 * made where the city is known, with the same policy; an enrolment's, from its input, here.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
    private readonly rateLimit: MutationRateLimit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ENDPOINT, [context.getHandler(), context.getClass()])) return true;
    const capability = this.reflector.getAllAndOverride<Capability | undefined>(REQUIRED_CAPABILITY, [
      context.getHandler(),
      context.getClass(),
    ]);
    // Nested field resolvers run under their parent operation's check.
    if (context.getType<string>() === 'graphql' && !isOperation(context)) return true;
    const caller = callerContext(context);
    // Over WebSocket the principal comes from connection_init; over HTTP from this request's header.
    caller.principal ??= await this.tokens.verify(authorizationOf(context));
    // A socket's caller was verified at connection_init, maybe hours ago; its socket closes at exp,
    // and an operation already on its way then is refused here.
    if (hasExpired(caller.principal)) throw new Unauthenticated('The bearer token has expired');
    if (!capability) throw new Forbidden('This operation has no access rule');
    assertAllowed(caller.principal, capability, inputCity(context));
    if (context.getType<string>() === 'graphql' && GqlExecutionContext.create(context).getInfo().operation.operation === 'mutation') {
      await this.rateLimit.consume(caller.principal.sub);
    }
    return true;
  }
}

/**
 * The city an enrolment's input names, checked before the input is validated: a caller of another
 * city learns nothing of it, not even whether the city exists. (A correction's input may name a
 * city too, but not the one it acts in.)
 */
function inputCity(context: ExecutionContext): string | undefined {
  if (context.getType<string>() !== 'graphql') return undefined;
  const gql = GqlExecutionContext.create(context);
  if (gql.getInfo().fieldName !== 'enrolParticipant') return undefined;
  const city = gql.getArgs<{ input?: { city?: unknown } }>().input?.city;
  return typeof city === 'string' ? city : undefined;
}

function isOperation(context: ExecutionContext): boolean {
  const parent = GqlExecutionContext.create(context).getInfo().parentType.name;
  return parent === 'Query' || parent === 'Mutation' || parent === 'Subscription';
}
