import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { Public } from '../auth/public.decorator';
import { Metrics } from './metrics';
import { OperatorGuard } from './operator.guard';

/** Prometheus's scrape, for operators only: it tells the service's load and its users' activity. */
@Controller('metrics')
@Public()
@UseGuards(OperatorGuard)
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
