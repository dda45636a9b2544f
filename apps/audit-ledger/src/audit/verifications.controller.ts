import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { VerificationRunView } from './audit-api.views';
import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { NotFound } from '@rj/shared/contracts';
import { AuditReadRecorder } from './audit-read.recorder';
import { VerificationRunner } from './verification-runner.service';

export class StartVerificationDto {
  @ApiPropertyOptional({
    description: '"genesis" (the default) or the sequence of a stored, signed checkpoint',
    example: 'genesis',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'number' ? String(value) : value))
  @Matches(/^(genesis|[1-9]\d{0,14})$/, { message: 'must be "genesis" or the sequence of a checkpoint' })
  from?: string;
}

/**
 * Verification as a resource: start one (202 with its id), then watch it — events checked,
 * rate, time left, and the first broken sequence if the chain is broken. Starting and watching
 * are reads of the ledger, recorded like every other (`audit.read`).
 */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor', 'admin')
@Controller('api/audit/verifications')
export class VerificationsController {
  constructor(
    private readonly runner: VerificationRunner,
    private readonly reads: AuditReadRecorder,
  ) {}

  @ApiOperation({
    summary:
      'Start verifying the chain in the background, from the genesis or a signed checkpoint; poll the run for progress.',
  })
  @ApiAcceptedResponse({ type: VerificationRunView })
  @Post()
  @HttpCode(202)
  async start(@Body() body: StartVerificationDto, @CurrentPrincipal() principal: Principal) {
    const from = !body.from || body.from === 'genesis' ? 'genesis' : Number(body.from);
    await this.reads.record(principal, { endpoint: 'POST /api/audit/verifications' });
    return this.runner.start(from, principal.sub);
  }

  @ApiOperation({
    summary: 'A verification run: checked of total, rate, time left, and the first broken sequence if any.',
  })
  @ApiOkResponse({ type: VerificationRunView })
  @Get(':id')
  async one(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    const run = await this.runner.find(id);
    if (!run) throw new NotFound(`no verification ${id}`);
    await this.reads.record(principal, { endpoint: 'GET /api/audit/verifications/{id}', resultCount: run.checked });
    return run;
  }
}
