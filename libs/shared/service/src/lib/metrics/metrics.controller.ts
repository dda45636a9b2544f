import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@rj/shared/auth';
import { Registry } from 'prom-client';
import { serviceMetrics } from './metrics-registry';

/**
 * Prometheus scrape endpoint, on the internal listener only (bootstrapService): it carries no
 * personal data, but counts and timings are nobody's business on the public port. No token, so
 * the scraper needs none; the internal port is reachable only from the monitoring namespace.
 */
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
