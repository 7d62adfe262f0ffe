import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { Forbidden, Unauthenticated } from '../../auth/access-errors';
import { describeError } from '../../graphql/error-code';
import { InvalidInput } from '../../journey/domain/errors';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400 };

/**
 * Gives the access guard's and the input checks' errors over plain HTTP the status and code they
 * have in GraphQL's `extensions.code`; left to Nest, those plain Errors would be 500s.
 */
@Catch(Unauthenticated, Forbidden, InvalidInput)
export class HttpErrorsFilter implements ExceptionFilter<Unauthenticated | Forbidden | InvalidInput> {
  catch(error: Unauthenticated | Forbidden | InvalidInput, host: ArgumentsHost): void {
    const { code, message, extensions } = describeError(error)!;
    host.switchToHttp().getResponse<JsonResponse>().status(STATUS[code]).json({ code, message, ...extensions });
  }
}
