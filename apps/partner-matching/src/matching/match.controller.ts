import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { MatchReader } from './match-reader.service';
import { MatchView, RankingWeightsList } from './match.view';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('api')
export class MatchController {
  constructor(private readonly reader: MatchReader) {}

  /** Candidates, scores, reasons and offers made (api.md): the owning office, auditors, admins. */
  @Get('referrals/:id/match')
  @ApiOperation({
    summary: 'The explainable match of a referral: every candidate partner with its score and the reasons for it.',
  })
  @Roles('prosecutor', 'auditor', 'admin')
  @ApiOkResponse({ type: MatchView })
  match(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) referralId: string): Promise<MatchView> {
    return this.reader.matchOf(principal, referralId);
  }

  /** Every version of the ranking weights, newest first, so a match's `weightsVersion` can be read. */
  @Get('ranking-weights')
  @ApiOperation({ summary: 'The weights matching ranks candidate partners by.' })
  @Roles('admin', 'auditor', 'prosecutor')
  @ApiOkResponse({ type: RankingWeightsList })
  weights(): Promise<RankingWeightsList> {
    return this.reader.rankingWeights();
  }
}
