import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { ROLES } from '@rj/shared/contracts';
import { JurisdictionPipe } from '../platform/jurisdiction.pipe';
import { JurisdictionSettingsDto, JurisdictionSettingsView } from './jurisdiction-settings.dto';
import { JurisdictionSettingsService } from './jurisdiction-settings.service';

@ApiTags('jurisdictions')
@ApiBearerAuth()
@Controller('api/jurisdictions')
export class JurisdictionSettingsController {
  constructor(private readonly settings: JurisdictionSettingsService) {}

  @Roles('admin')
  @Put(':jurisdiction/settings')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Store the jurisdiction's next settings version (versions are never changed) and announce it as jurisdiction.settings_changed.",
  })
  @ApiOkResponse({ type: JurisdictionSettingsView })
  put(
    @CurrentPrincipal() principal: Principal,
    @Param('jurisdiction', JurisdictionPipe) jurisdiction: string,
    @Body() dto: JurisdictionSettingsDto,
  ): Promise<JurisdictionSettingsView> {
    return this.settings.put(principal, jurisdiction, dto);
  }

  /** Settings hold no personal data: any signed-in caller may read them, as the screening policies. */
  @Roles(...ROLES)
  @Get(':jurisdiction/settings')
  @ApiOperation({ summary: "The jurisdiction's settings in force; version 0 (UTC) when none were stored." })
  @ApiOkResponse({ type: JurisdictionSettingsView })
  get(@Param('jurisdiction', JurisdictionPipe) jurisdiction: string): Promise<JurisdictionSettingsView> {
    return this.settings.get(jurisdiction);
  }
}
