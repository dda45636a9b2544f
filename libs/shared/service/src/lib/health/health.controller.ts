import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@rj/shared/auth';
import { ProblemException } from '../errors/problem.exception';
import { ReadinessService, type ReadinessReport } from './readiness.service';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Liveness: the process runs and its event loop answers. Never checks dependencies, so a
   * database outage does not make Kubernetes restart every pod at once. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: every registered dependency check passes; else 503 naming the failures. */
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; checks: ReadinessReport['checks'] }> {
    const report = await this.readiness.report();
    if (report.ready) return { status: 'ok', checks: report.checks };
    throw new ProblemException({
      type: 'urn:rj:problem:not-ready',
      title: 'Not ready',
      status: 503,
      detail: `Failing readiness checks: ${report.failed.join(', ')}.`,
      failed: report.failed,
      checks: report.checks,
    });
  }
}
