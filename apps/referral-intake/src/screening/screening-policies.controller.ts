import { Body, Controller, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { ROLES } from '@rj/shared/contracts';
import { JurisdictionPipe } from '../common/jurisdiction.pipe';
import { PolicyVersionQueryDto, ScreeningPolicyDto, ScreeningPolicyView } from './screening-policy.dto';
import { ScreeningPoliciesService } from './screening-policies.service';

@ApiTags('screening policies')
@ApiBearerAuth()
@Controller('api/screening-policies')
export class ScreeningPoliciesController {
  constructor(private readonly policies: ScreeningPoliciesService) {}

  @Roles('admin')
  @Put(':jurisdiction')
  @HttpCode(200)
  put(@CurrentPrincipal() principal: Principal, @Param('jurisdiction', JurisdictionPipe) jurisdiction: string, @Body() dto: ScreeningPolicyDto): Promise<ScreeningPolicyView> {
    return this.policies.put(principal, jurisdiction, dto);
  }

  /** api.md: any signed-in caller may read the policies. */
  @Roles(...ROLES)
  @Get()
  async list(): Promise<{ items: ScreeningPolicyView[]; nextCursor: null }> {
    return { items: await this.policies.listCurrent(), nextCursor: null };
  }

  @Roles(...ROLES)
  @Get(':jurisdiction')
  get(@Param('jurisdiction', JurisdictionPipe) jurisdiction: string, @Query() query: PolicyVersionQueryDto): Promise<ScreeningPolicyView> {
    return this.policies.get(jurisdiction, query.version);
  }
}
