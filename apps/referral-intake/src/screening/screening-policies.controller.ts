import { Body, Controller, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { ROLES } from '@rj/shared/contracts';
import { JurisdictionPipe } from '../platform/jurisdiction.pipe';
import {
  PolicyVersionQueryDto,
  PolicyVersionsQueryDto,
  ScreeningPolicyDto,
  ScreeningPolicyListView,
  ScreeningPolicyView,
} from './screening-policy.dto';
import { ScreeningPoliciesService } from './screening-policies.service';

@ApiTags('screening policies')
@ApiBearerAuth()
@Controller('api/screening-policies')
export class ScreeningPoliciesController {
  constructor(private readonly policies: ScreeningPoliciesService) {}

  @Roles('admin')
  @Put(':jurisdiction')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Store the jurisdiction's next policy version (versions are never changed); a contradictory policy is a 400 naming each mistake.",
  })
  @ApiOkResponse({ type: ScreeningPolicyView })
  put(
    @CurrentPrincipal() principal: Principal,
    @Param('jurisdiction', JurisdictionPipe) jurisdiction: string,
    @Body() dto: ScreeningPolicyDto,
  ): Promise<ScreeningPolicyView> {
    return this.policies.put(principal, jurisdiction, dto);
  }

  /** api.md: any signed-in caller may read the policies. */
  @Roles(...ROLES)
  @Get()
  @ApiOperation({ summary: 'The current version of every jurisdiction that has a policy of its own.' })
  @ApiOkResponse({ type: ScreeningPolicyListView })
  async list(): Promise<{ items: ScreeningPolicyView[]; nextCursor: null }> {
    return { items: await this.policies.listCurrent(), nextCursor: null };
  }

  @Roles(...ROLES)
  @Get(':jurisdiction/versions')
  @ApiOperation({
    summary:
      "A jurisdiction's version history, newest first, keyset-paged; the built-in default (version 0) ends the last page.",
  })
  @ApiOkResponse({ type: ScreeningPolicyListView })
  versions(
    @Param('jurisdiction', JurisdictionPipe) jurisdiction: string,
    @Query() query: PolicyVersionsQueryDto,
  ): Promise<ScreeningPolicyListView> {
    return this.policies.versions(jurisdiction, query);
  }

  @Roles(...ROLES)
  @Get(':jurisdiction')
  @ApiOperation({ summary: 'The current version, or `?version=` an older one (0: the built-in default).' })
  @ApiOkResponse({ type: ScreeningPolicyView })
  @ApiNotFoundResponse({ description: 'No such version.' })
  get(
    @Param('jurisdiction', JurisdictionPipe) jurisdiction: string,
    @Query() query: PolicyVersionQueryDto,
  ): Promise<ScreeningPolicyView> {
    return this.policies.get(jurisdiction, query.version);
  }
}
