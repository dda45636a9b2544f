import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseOutcomeResponse, ReferralOutcomeResponse } from './outcome-api.views';
import { DataSource } from 'typeorm';
import { CaseEntity, ReferralEntity } from '@rj/outcome/data-access';
import { assertOwnedBy, CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { NotFound } from '@rj/shared/contracts';
import { caseForMediator } from '../agreements/case-access';
import { CaseOutcomeView } from './case-outcome.view';

@ApiTags('outcome')
@ApiBearerAuth()
@Controller()
export class OutcomeViewsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: CaseOutcomeView,
  ) {}

  @ApiOperation({
    summary:
      'A case’s result, its agreement and every term with its status (the assigned mediator, the partner’s administrator).',
  })
  @ApiOkResponse({ type: CaseOutcomeResponse })
  @Get('api/cases/:id/outcome')
  @Roles('mediator', 'partner_admin')
  async caseOutcome(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    const kase = await caseForMediator(this.dataSource.manager, principal, id, false);
    return this.views.forCase(this.dataSource.manager, kase);
  }

  @ApiOperation({
    summary:
      'The result and dates of the owning office’s referral; term statuses only if every party consented to sharing them.',
  })
  @ApiOkResponse({ type: ReferralOutcomeResponse })
  @Get('api/referrals/:referralId/outcome')
  @Roles('prosecutor')
  async referralOutcome(
    @CurrentPrincipal() principal: Principal,
    @Param('referralId', ParseUUIDPipe) referralId: string,
  ) {
    const referral = await this.dataSource.manager.findOneBy(ReferralEntity, { id: referralId });
    if (!referral) throw new NotFound('referral not found');
    assertOwnedBy(principal, referral.officeId, 'referral not found');
    const kase = await this.dataSource.manager.findOneBy(CaseEntity, { referralId });
    return this.views.forReferral(this.dataSource.manager, referralId, kase);
  }
}
