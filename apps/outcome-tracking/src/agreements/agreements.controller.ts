import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CaseOutcomeResponse, ClosedCaseResponse, TermChangeResponse } from '../views/outcome-api.views';
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
  constructor(
    private readonly agreements: AgreementService,
    private readonly changes: TermChangesService,
  ) {}

  @ApiOperation({
    summary:
      'Record the agreement of a concluded case: its terms (a restitution term names amount and recipient) and the consent of every participant.',
  })
  @ApiCreatedResponse({ type: CaseOutcomeResponse, description: 'The case with its agreement.' })
  @ApiGoneResponse({
    description: 'The referral’s personal data was erased: a term’s description can no longer be stored.',
  })
  @Post('api/cases/:id/agreement')
  @Roles('mediator')
  record(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordAgreementDto,
  ) {
    return this.agreements.record(principal, id, dto);
  }

  @ApiOperation({ summary: 'Amend a term’s due date, amount or hours, with the consent of every participant.' })
  @ApiOkResponse({ type: TermChangeResponse })
  @Patch('api/agreements/:id/terms/:termId')
  @Roles('mediator')
  async amend(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: AmendTermDto,
  ) {
    const { agreementId, term } = await this.changes.amend(principal, id, termId, dto);
    return { agreementId, term: termView(term) };
  }

  @ApiOperation({
    summary:
      'Record progress on a term (a payment, hours done, or done); the case completes when every term is fulfilled. An over-payment is a 409.',
  })
  @ApiCreatedResponse({ type: TermChangeResponse })
  @ApiGoneResponse({ description: 'The referral’s personal data was erased: a note can no longer be stored.' })
  @Post('api/agreements/:id/terms/:termId/progress')
  @Roles('mediator')
  async progress(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: RecordProgressDto,
  ) {
    const { agreementId, term } = await this.changes.progress(principal, id, termId, dto);
    return { agreementId, term: termView(term) };
  }

  @ApiOperation({
    summary: 'Close a case whose terms were not kept: back to the prosecutor as agreement_not_completed.',
  })
  @ApiOkResponse({ type: ClosedCaseResponse })
  @Post('api/cases/:id/close')
  @HttpCode(200)
  @Roles('mediator')
  close(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CloseCaseDto) {
    return this.changes.close(principal, id, dto);
  }
}
