import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { chainPointAt, checkpointAt, latestCheckpoint, latestLedgerSequence } from '@rj/audit/data-access';
import { checkpointMatches, detectTruncation } from '@rj/audit/domain';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { NotFound } from '@rj/shared/contracts';
import { AuditReadRecorder } from '../audit/audit-read.recorder';
import { LedgerVerificationService } from '../audit/ledger-verification.service';
import { CheckpointSigner } from './checkpoint-signer.service';
import { SignedCheckpointDto } from './signed-checkpoint.dto';

/**
 * Signed checkpoints of the chain: an auditor fetches one and keeps it; later, sending it back
 * (or checking it offline with the CLI and the public key) proves the ledger was neither
 * rewritten nor cut short since it was signed.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor', 'admin')
@Controller('api/audit/checkpoints')
export class CheckpointsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signer: CheckpointSigner,
    private readonly reads: AuditReadRecorder,
    private readonly verification: LedgerVerificationService,
  ) {}

  @Get('public-key')
  publicKey() {
    return this.signer.publicKey;
  }

  @Get('latest')
  async latest(@CurrentPrincipal() principal: Principal) {
    const checkpoint = await latestCheckpoint(this.dataSource);
    if (!checkpoint) throw new NotFound('no checkpoint has been signed yet');
    await this.reads.record(principal, { endpoint: 'GET /api/audit/checkpoints/latest' });
    return checkpoint;
  }

  @Get(':sequence')
  async one(@Param('sequence', ParseIntPipe) sequence: number, @CurrentPrincipal() principal: Principal) {
    const checkpoint = await checkpointAt(this.dataSource, sequence);
    if (!checkpoint) throw new NotFound(`no checkpoint at sequence ${sequence}`);
    await this.reads.record(principal, { endpoint: 'GET /api/audit/checkpoints/{sequence}' });
    return checkpoint;
  }

  /** Signs the head now (the timer does it periodically). Admin only: auditors change nothing. */
  @Post()
  @Roles('admin')
  async signNow() {
    const checkpoint = await this.signer.signHead();
    if (!checkpoint) throw new NotFound('the ledger is empty: nothing to sign');
    return checkpoint;
  }

  /** Checks a saved checkpoint: our signature, the entry still there with the same hash, and the whole chain through it. */
  @Post('verify')
  @HttpCode(200)
  async verify(@Body() checkpoint: SignedCheckpointDto, @CurrentPrincipal() principal: Principal) {
    const signatureValid = this.signer.isSignedByUs(checkpoint);
    const truncated = detectTruncation(checkpoint, await latestLedgerSequence(this.dataSource));
    const matches = checkpointMatches(checkpoint, await chainPointAt(this.dataSource, checkpoint.sequence));
    const chain = signatureValid ? await this.verification.verify({ extraCheckpoints: [checkpoint] }) : null;
    await this.reads.record(principal, { endpoint: 'POST /api/audit/checkpoints/verify', resultCount: chain?.checked });
    return { ok: signatureValid && !truncated && matches && !!chain?.ok, signatureValid, truncated, matches, chain };
  }
}
