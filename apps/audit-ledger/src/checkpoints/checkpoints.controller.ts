import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckpointCheckResponse, CheckpointList, PublicKeyView, SignedCheckpointView } from '../audit/audit-api.views';
import { DataSource } from 'typeorm';
import {
  allCheckpoints,
  chainPointAt,
  checkpointAt,
  latestCheckpoint,
  latestLedgerSequence,
} from '@rj/audit/data-access';
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

  @ApiOperation({ summary: 'The public key checkpoints are signed with (Ed25519), to check them offline.' })
  @ApiOkResponse({ type: PublicKeyView })
  @Get('public-key')
  publicKey() {
    return this.signer.publicKey;
  }

  /**
   * Every stored checkpoint, newest first, with whether its signature is ours and whether the
   * ledger's entry at its sequence still carries the signed hash.
   */
  @ApiOperation({
    summary:
      'Every stored checkpoint, newest first, with whether its signature is ours and the ledger still matches it.',
  })
  @ApiOkResponse({ type: CheckpointList })
  @Get()
  async list(@CurrentPrincipal() principal: Principal) {
    const checkpoints = (await allCheckpoints(this.dataSource)).reverse();
    const entries = await Promise.all(
      checkpoints.map((checkpoint) => chainPointAt(this.dataSource, checkpoint.sequence)),
    );
    await this.reads.record(principal, { endpoint: 'GET /api/audit/checkpoints', resultCount: checkpoints.length });
    return {
      publicKeyId: this.signer.publicKey.publicKeyId,
      items: checkpoints.map((checkpoint, index) => ({
        ...checkpoint,
        signatureValid: this.signer.isSignedByUs(checkpoint),
        matchesLedger: checkpointMatches(checkpoint, entries[index]),
      })),
    };
  }

  @ApiOperation({ summary: 'The latest signed checkpoint.' })
  @ApiOkResponse({ type: SignedCheckpointView })
  @Get('latest')
  async latest(@CurrentPrincipal() principal: Principal) {
    const checkpoint = await latestCheckpoint(this.dataSource);
    if (!checkpoint) throw new NotFound('no checkpoint has been signed yet');
    await this.reads.record(principal, { endpoint: 'GET /api/audit/checkpoints/latest' });
    return checkpoint;
  }

  @ApiOperation({ summary: 'The signed checkpoint at a sequence.' })
  @ApiOkResponse({ type: SignedCheckpointView })
  @Get(':sequence')
  async one(@Param('sequence', ParseIntPipe) sequence: number, @CurrentPrincipal() principal: Principal) {
    const checkpoint = await checkpointAt(this.dataSource, sequence);
    if (!checkpoint) throw new NotFound(`no checkpoint at sequence ${sequence}`);
    await this.reads.record(principal, { endpoint: 'GET /api/audit/checkpoints/{sequence}' });
    return checkpoint;
  }

  /** Signs the head now (the timer does it periodically). Admin only: auditors change nothing. */
  @ApiOperation({ summary: 'Sign a checkpoint of the ledger’s head now (admin; a timer does it periodically).' })
  @ApiCreatedResponse({ type: SignedCheckpointView })
  @Post()
  @Roles('admin')
  async signNow() {
    const checkpoint = await this.signer.signHead();
    if (!checkpoint) throw new NotFound('the ledger is empty: nothing to sign');
    return checkpoint;
  }

  /** Checks a saved checkpoint: our signature, the entry still there with the same hash, and the whole chain through it. */
  @ApiOperation({
    summary:
      'Check a saved checkpoint: our signature, the entry still there with the same hash, and the chain intact through it.',
  })
  @ApiOkResponse({ type: CheckpointCheckResponse })
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
