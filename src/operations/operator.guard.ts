import { type CanActivate, type ExecutionContext, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Unauthenticated } from '../auth/access-errors';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { isOperator } from './operator-credential';

/**
 * Serves an endpoint to operators only: `Authorization: Bearer <OPERATIONS_TOKEN>`, a credential
 * apart from users' tokens (a scraper needs no role, and a user's token opens no metrics). Without
 * OPERATIONS_TOKEN the endpoint is not served at all.
 */
@Injectable()
export class OperatorGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.config.operationsToken === null) throw new NotFoundException('Not served: set OPERATIONS_TOKEN to serve it to operators');
    const { headers } = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    if (!isOperator(headers.authorization, this.config.operationsToken)) throw new Unauthenticated('The operators’ bearer token (OPERATIONS_TOKEN) is required');
    return true;
  }
}
