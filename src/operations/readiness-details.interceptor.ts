import { type CallHandler, type ExecutionContext, HttpException, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, map, type Observable, throwError } from 'rxjs';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { isOperator } from './operator-credential';

/**
 * A readiness answer tells a load balancer only its status (200 or 503); its details (the log's
 * head, each projection's position, lag and last error) go to operators, with OPERATIONS_TOKEN.
 */
@Injectable()
export class ReadinessDetailsInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { headers } = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    if (isOperator(headers.authorization, this.config.operationsToken)) return next.handle();
    return next.handle().pipe(
      map((report: { status: string }) => ({ status: report.status })),
      catchError((error: unknown) => {
        if (!(error instanceof HttpException)) return throwError(() => error);
        const { status } = error.getResponse() as { status: string };
        return throwError(() => new HttpException({ status }, error.getStatus()));
      }),
    );
  }
}
