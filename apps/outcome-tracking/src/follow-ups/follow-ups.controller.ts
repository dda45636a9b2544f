import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { FollowUpPage, FollowUpView } from '../views/outcome-api.views';
import { IsBoolean } from 'class-validator';
import { DataSource, MoreThan } from 'typeorm';
import { FollowUpEntity } from '@rj/outcome/data-access';
import { actorOf, assertOwnedBy, CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { FollowUpRecorded, NotFound, RuleViolation } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { pageOf, pageSizeOf, PageQuery, requestCause } from '@rj/shared/service';

export class RecordFollowUpDto {
  @ApiProperty() @IsBoolean() reoffended: boolean;
}

const view = (f: FollowUpEntity) => ({
  id: f.id,
  referralId: f.referralId,
  caseId: f.caseId,
  monthsAfter: f.monthsAfter,
  dueOn: f.dueOn,
  status: f.status,
  reoffended: f.reoffended,
});

/** The prosecutor's side of the follow-ups (product.md step 9): due ones, and the answer. */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
export class FollowUpsController {
  constructor(private readonly dataSource: DataSource) {}

  @ApiOperation({
    summary: 'The follow-ups due for the prosecutor’s office (re-offence at 6, 12 and 24 months), keyset-paged.',
  })
  @ApiOkResponse({ type: FollowUpPage })
  @Get('api/follow-ups')
  @Roles('prosecutor')
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery) {
    const limit = pageSizeOf(query);
    if (!principal.org) return { items: [], nextCursor: null };
    const rows = await this.dataSource.manager.find(FollowUpEntity, {
      where: { officeId: principal.org, status: 'due', ...(query.cursor ? { id: MoreThan(query.cursor) } : {}) },
      order: { id: 'ASC' },
      take: limit + 1,
    });
    return pageOf(rows, limit, view);
  }

  @ApiOperation({ summary: 'Answer a due follow-up: did the person re-offend.' })
  @ApiOkResponse({ type: FollowUpView })
  @Post('api/follow-ups/:id')
  @HttpCode(200)
  @Roles('prosecutor')
  record(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordFollowUpDto,
  ) {
    return withTransaction(this.dataSource, async (manager) => {
      const followUp = await manager.findOne(FollowUpEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!followUp || followUp.status === 'dropped') throw new NotFound('follow-up not found');
      assertOwnedBy(principal, followUp.officeId, 'follow-up not found');
      if (followUp.status === 'scheduled')
        throw new RuleViolation('follow_up_not_due', `this follow-up falls due on ${followUp.dueOn}`);
      if (followUp.status === 'recorded')
        throw new RuleViolation('follow_up_already_recorded', 'this follow-up was already answered');
      await manager.update(
        FollowUpEntity,
        { id },
        { status: 'recorded', reoffended: dto.reoffended, recordedAt: new Date() },
      );
      await publishEvent(manager, FollowUpRecorded, {
        aggregateId: id,
        referralId: followUp.referralId,
        ...requestCause(actorOf(principal)),
        data: {
          followUpId: id,
          caseId: followUp.caseId,
          monthsAfter: followUp.monthsAfter,
          reoffended: dto.reoffended,
        },
      });
      return view({ ...followUp, status: 'recorded', reoffended: dto.reoffended });
    });
  }
}
