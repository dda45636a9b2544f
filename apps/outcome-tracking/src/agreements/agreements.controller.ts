import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { termView } from '../views/case-outcome.view';
import { AmendTermDto, CloseCaseDto, RecordAgreementDto, RecordProgressDto } from './agreement.dto';
import { AgreementService } from './agreement.service';
import { TermChangesService } from './term-changes.service';

/** The assigned mediator records the agreement and its compliance (api.md, outcome-tracking). */
@ApiTags('agreements')
@ApiBearerAuth()
@Controller()
export class AgreementsController {
  constructor(private readonly agreements: AgreementService, private readonly changes: TermChangesService) {}

  @Post('api/cases/:id/agreement')
  @Roles('mediator')
  record(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordAgreementDto) {
    return this.agreements.record(principal, id, dto);
  }

  @Patch('api/agreements/:id/terms/:termId')
  @Roles('mediator')
  async amend(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Param('termId', ParseUUIDPipe) termId: string, @Body() dto: AmendTermDto) {
    const { agreementId, term } = await this.changes.amend(principal, id, termId, dto);
    return { agreementId, term: termView(term) };
  }

  @Post('api/agreements/:id/terms/:termId/progress')
  @Roles('mediator')
  async progress(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Param('termId', ParseUUIDPipe) termId: string, @Body() dto: RecordProgressDto) {
    const { agreementId, term } = await this.changes.progress(principal, id, termId, dto);
    return { agreementId, term: termView(term) };
  }

  @Post('api/cases/:id/close')
  @HttpCode(200)
  @Roles('mediator')
  close(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CloseCaseDto) {
    return this.changes.close(principal, id, dto);
  }
}
