import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  OfficeEntity,
  publicationOptIns,
  setPublicationOptIn,
  type PublicationOptInEntity,
} from '@rj/outcome/data-access';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { IsCode, NotFound } from '@rj/shared/contracts';

export class PublicationOptInDto {
  @ApiProperty({ description: 'true to publish the jurisdiction in the public transparency report' })
  @IsBoolean()
  optedIn: boolean;
}

export class JurisdictionParam {
  @ApiProperty() @IsCode() jurisdiction: string;
}

const view = (row: PublicationOptInEntity) => ({
  officeId: row.officeId,
  jurisdiction: row.jurisdiction,
  optedIn: row.optedIn,
  changedAt: row.changedAt.toISOString(),
});

/**
 * Offices opt the jurisdictions they serve in to the public transparency report (product.md
 * 2026-12). Kept in outcome-tracking as an office's choice until jurisdiction settings exist
 * in referral-intake; a jurisdiction is published while any office serving it has opted in.
 */
@ApiTags('transparency')
@ApiBearerAuth()
@Controller()
export class PublicationOptInsController {
  constructor(private readonly dataSource: DataSource) {}

  @ApiOperation({
    summary: 'Publication opt-ins: a prosecutor sees their office’s, administrators and auditors every office’s.',
  })
  @Get('api/publication-opt-ins')
  @Roles('prosecutor', 'admin', 'auditor')
  async list(@CurrentPrincipal() principal: Principal) {
    const officeId = principal.role === 'prosecutor' ? (principal.org ?? '00000000-0000-0000-0000-000000000000') : null;
    const rows = await publicationOptIns(this.dataSource.manager, officeId);
    return { items: rows.map(view) };
  }

  @ApiOperation({
    summary: 'Opt a jurisdiction the office serves in to publication, or out. Another jurisdiction is 404.',
  })
  @Put('api/publication-opt-ins/:jurisdiction')
  @Roles('prosecutor')
  async set(
    @CurrentPrincipal() principal: Principal,
    @Param() params: JurisdictionParam,
    @Body() dto: PublicationOptInDto,
  ) {
    const office = principal.org ? await this.dataSource.manager.findOneBy(OfficeEntity, { id: principal.org }) : null;
    if (!office || !office.jurisdictions.includes(params.jurisdiction))
      throw new NotFound('jurisdiction not served by this office');
    const row = {
      officeId: office.id,
      jurisdiction: params.jurisdiction,
      optedIn: dto.optedIn,
      changedBy: principal.sub,
    };
    return view(await setPublicationOptIn(this.dataSource.manager, row));
  }
}
