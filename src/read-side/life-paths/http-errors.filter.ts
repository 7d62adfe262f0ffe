import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { Forbidden, Unauthenticated } from '../../auth/access-errors';
import { InvalidInput } from '../../journey/domain/errors';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * Gives the access guard's and the input checks' errors over plain HTTP the status and code they
 * have in GraphQL's `extensions.code`; left to Nest, those plain Errors would be 500s.
 */
@Catch(Unauthenticated, Forbidden, InvalidInput)
export class HttpErrorsFilter implements ExceptionFilter<Unauthenticated | Forbidden | InvalidInput> {
  catch(error: Unauthenticated | Forbidden | InvalidInput, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    const { message } = error;
    if (error instanceof Unauthenticated) response.status(401).json({ code: 'UNAUTHENTICATED', message });
    else if (error instanceof Forbidden) response.status(403).json({ code: 'FORBIDDEN', message });
    else response.status(400).json({ code: 'BAD_USER_INPUT', message, fieldErrors: error.fieldErrors });
  }
}
