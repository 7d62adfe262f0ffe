import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { ReadinessDetailsInterceptor } from './readiness-details.interceptor';
import { ReadinessIndicator } from './readiness.indicator';

@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessIndicator,
  ) {}

  /** The process answers: restart it if not. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Send it traffic: the store answers and the read models are current. Details for operators only. */
  @Get('ready')
  @UseInterceptors(ReadinessDetailsInterceptor)
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.readiness.storeAnswers(),
      () => this.readiness.projectionsCurrent(),
      () => this.readiness.readModelsIntact(),
      () => this.readiness.erasuresPendingRemoval(),
    ]);
  }
}
