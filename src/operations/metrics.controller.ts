import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/public.decorator';
import { Metrics } from './metrics';

@Controller('metrics')
@Public()
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
