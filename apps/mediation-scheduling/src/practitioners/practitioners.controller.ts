import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { PageQuery, pageSizeOf } from '@rj/shared/service';
import {
  RecordBackgroundCheckDto,
  RecordCredentialDto,
  RecordLanguageDto,
  RecordPracticeDto,
} from './practice-record.dto';
import { PractitionersService } from './practitioners.service';

/**
 * A mediator's credentials, background checks, languages, supervision and practice (issue 22).
 * The partner's admin records them for its own mediators; a platform admin verifies what must
 * be verified. Nobody else sees them (a mediator of another organisation is a 404).
 */
@ApiTags('practitioners')
@ApiBearerAuth()
@Controller()
export class PractitionersController {
  constructor(private readonly practitioners: PractitionersService) {}

  @Post('api/mediators/:id/credentials')
  @HttpCode(201)
  @Roles('partner_admin')
  @ApiOperation({
    summary: 'Record a credential of one of the organisation’s mediators; it counts once a platform admin verifies it.',
  })
  credential(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: RecordCredentialDto) {
    return this.practitioners.recordCredential(principal, id, body);
  }

  @Post('api/mediators/:id/background-checks')
  @HttpCode(201)
  @Roles('partner_admin')
  @ApiOperation({
    summary:
      'Record a background check (or barred-list check for work with young people); it counts once verified, until its expiry day ends.',
  })
  backgroundCheck(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: RecordBackgroundCheckDto,
  ) {
    return this.practitioners.recordBackgroundCheck(principal, id, body);
  }

  @Post('api/mediators/:id/languages')
  @HttpCode(201)
  @Roles('partner_admin')
  @ApiOperation({
    summary: 'Record a language the mediator was checked competent to work in; it counts once verified.',
  })
  language(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: RecordLanguageDto) {
    return this.practitioners.recordLanguage(principal, id, body);
  }

  @Post('api/mediators/:id/practice')
  @HttpCode(201)
  @Roles('partner_admin')
  @ApiOperation({
    summary:
      'Record a supervision session, an observed practice or a co-facilitated case: a date and a name, never case content.',
  })
  practice(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: RecordPracticeDto) {
    return this.practitioners.recordPractice(principal, id, body);
  }

  @Get('api/mediators/:id/practice-record')
  @Roles('partner_admin', 'admin')
  @ApiOperation({
    summary:
      'The mediator’s records and whether they may be proposed under the default thresholds, with every unmet rule in words.',
  })
  practiceRecord(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.practitioners.practiceOf(principal, id);
  }

  @Get('api/practice-records/unverified')
  @Roles('admin')
  @ApiOperation({
    summary: 'Credentials, background checks and languages waiting for a platform admin’s verification, oldest first.',
  })
  unverified(@Query() query: PageQuery) {
    return this.practitioners.unverified(pageSizeOf(query), query.cursor);
  }

  @Post('api/practice-records/:id/verification')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Verify a credential, background check or language: it counts from now until its expiry day ends. Repeating it changes nothing.',
  })
  verify(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.practitioners.verify(principal, id);
  }
}
