import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { findLedgerPage, findReferralEntries } from '@rj/audit/data-access';
import { byOccurrence, foldState, REFERRAL_STATE_REDUCERS } from '@rj/audit/domain';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { NotFound } from '@rj/shared/contracts';
import { InjectServiceConfig } from '@rj/shared/service';
import type { AuditLedgerEnv } from '../audit-ledger.env';
import { AuditReadRecorder } from './audit-read.recorder';
import { EventsQuery, ExportQuery, ReplayQuery, StateQuery, VerifyQuery } from './audit-query.dto';
import { ledgerItem } from './ledger-item';
import { ledgerText, sendStream } from './ledger-streams';
import { LedgerVerificationService } from './ledger-verification.service';

const NDJSON = 'application/x-ndjson; charset=utf-8';

/** api.md, audit-ledger: read-only views of the ledger, for auditors and admins only. Every read is itself recorded. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor', 'admin')
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: AuditReadRecorder,
    private readonly verification: LedgerVerificationService,
    @InjectServiceConfig() private readonly config: AuditLedgerEnv,
  ) {}

  @Get('events')
  async events(@Query() query: EventsQuery, @CurrentPrincipal() principal: Principal) {
    const limit = query.limit ?? 100;
    const afterSequence = query.cursor ? Number(query.cursor) : undefined;
    const rows = await findLedgerPage(this.dataSource, { aggregateId: query.aggregateId, type: query.type, from: query.from, to: query.to, afterSequence }, limit);
    await this.reads.record(principal, { endpoint: 'GET /api/audit/events', query, resultCount: rows.length });
    return { items: rows.map(ledgerItem), nextCursor: rows.length === limit ? rows[rows.length - 1].sequence : null };
  }

  @Get('referrals/:id/timeline')
  async timeline(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    const rows = await findReferralEntries(this.dataSource, id);
    if (!rows.length) throw new NotFound(`the ledger holds no event of referral ${id}`);
    await this.reads.record(principal, { endpoint: 'GET /api/audit/referrals/{id}/timeline', aggregateId: id, resultCount: rows.length });
    // The story as it happened: by event time; the ledger's sequence breaks ties and stays on each item.
    const items = rows.map(ledgerItem).sort(byOccurrence);
    return { referralId: id, items };
  }

  @Get('referrals/:id/state')
  async state(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: StateQuery, @CurrentPrincipal() principal: Principal) {
    const rows = await findReferralEntries(this.dataSource, id);
    if (!rows.length) throw new NotFound(`the ledger holds no event of referral ${id}`);
    // In the order things happened (ties in ledger order): topics reach the ledger interleaved.
    const records = rows.map((row) => ({ event: JSON.parse(row.canonical), recordedAt: row.recordedAt, sequence: Number(row.sequence) })).sort(byOccurrence);
    const folded = foldState(records, query.at, REFERRAL_STATE_REDUCERS);
    await this.reads.record(principal, { endpoint: 'GET /api/audit/referrals/{id}/state', aggregateId: id, query, resultCount: folded.eventsApplied });
    return { referralId: id, ...folded, state: { referral: folded.state.referral ?? null, case: folded.state.case, outcome: folded.state.outcome } };
  }

  @Get('replay')
  @ApiProduces('application/x-ndjson')
  async replay(@Query() query: ReplayQuery, @CurrentPrincipal() principal: Principal, @Res() res: ServerResponse): Promise<void> {
    await this.reads.record(principal, { endpoint: 'GET /api/audit/replay', query });
    await sendStream(res, NDJSON, ledgerText(this.dataSource, { recordedFrom: query.from, recordedTo: query.to }, 'ndjson', this.config.AUDIT_STREAM_BATCH_SIZE));
  }

  @Get('verify')
  async verify(@Query() query: VerifyQuery, @CurrentPrincipal() principal: Principal) {
    const result = await this.verification.verify({ fromCheckpoint: query.fromCheckpoint });
    await this.reads.record(principal, { endpoint: 'GET /api/audit/verify', resultCount: result.checked });
    return result;
  }

  @Get('export')
  @ApiProduces('application/x-ndjson', 'text/csv')
  async export(@Query() query: ExportQuery, @CurrentPrincipal() principal: Principal, @Res() res: ServerResponse): Promise<void> {
    const format = query.format ?? 'ndjson';
    await this.reads.record(principal, { endpoint: 'GET /api/audit/export', query });
    res.setHeader('content-disposition', `attachment; filename="ledger-export.${format === 'csv' ? 'csv' : 'ndjson'}"`);
    const filter = { aggregateId: query.aggregateId, type: query.type, from: query.from, to: query.to };
    await sendStream(res, format === 'csv' ? 'text/csv; charset=utf-8' : NDJSON, ledgerText(this.dataSource, filter, format, this.config.AUDIT_STREAM_BATCH_SIZE));
  }
}
