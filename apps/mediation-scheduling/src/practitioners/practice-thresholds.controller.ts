import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { actorOf, CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { CODE_PATTERN, NotFound, PracticeThresholdsSet } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { Clock, requestCause } from '@rj/shared/service';
import { PracticeThresholdsEntity } from '@rj/scheduling/data-access';
import { PracticeThresholdsDto } from './practice-thresholds.dto';
import { loadThresholds } from './practitioner-facts';

const jurisdictionCode = (jurisdiction: string) => {
  if (!CODE_PATTERN.test(jurisdiction)) throw new NotFound('jurisdiction not found');
  return jurisdiction;
};

/**
 * The thresholds the assignment rules apply to new proposals in a jurisdiction (issue 22):
 * the defaults from the standards until an admin sets its own.
 */
@ApiTags('practitioners')
@ApiBearerAuth()
@Controller()
export class PracticeThresholdsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get('api/practice-thresholds/:jurisdiction')
  @Roles('admin', 'partner_admin')
  @ApiOperation({ summary: 'The jurisdiction’s practice thresholds, or the defaults when it has none (`version` 0).' })
  async get(@Param('jurisdiction') jurisdiction: string) {
    const code = jurisdictionCode(jurisdiction);
    const row = await this.dataSource.manager.findOneBy(PracticeThresholdsEntity, { jurisdiction: code });
    return { ...(await loadThresholds(this.dataSource.manager, code)), version: row?.version ?? 0 };
  }

  @Put('api/practice-thresholds/:jurisdiction')
  @Roles('admin')
  @ApiOperation({
    summary: 'Set the jurisdiction’s practice thresholds; a new version, applied to new proposals only.',
  })
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: PracticeThresholdsDto,
  ) {
    const code = jurisdictionCode(jurisdiction);
    const now = this.clock.now();
    return withTransaction(this.dataSource, async (manager) => {
      const current = await manager.findOne(PracticeThresholdsEntity, {
        where: { jurisdiction: code },
        lock: { mode: 'pessimistic_write' },
      });
      const version = (current?.version ?? 0) + 1;
      const thresholds = { ...body };
      await manager.save(PracticeThresholdsEntity, {
        jurisdiction: code,
        thresholds,
        version,
        updatedBy: principal.sub,
        updatedAt: now,
      });
      const cause = requestCause(actorOf(principal));
      await publishEvent(manager, PracticeThresholdsSet, {
        aggregateId: code,
        referralId: null,
        actor: cause.actor,
        causedBy: cause.causedBy,
        data: { jurisdiction: code, version, ...thresholds },
      });
      return { jurisdiction: code, ...thresholds, version };
    });
  }
}
