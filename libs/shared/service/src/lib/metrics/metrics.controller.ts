import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@rj/shared/auth';
import { Registry } from 'prom-client';
import { serviceMetrics } from './metrics-registry';

/** Prometheus scrape endpoint. Public: it carries counts and timings, no personal data. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return serviceMetrics().registry.metrics();
  }
}
