import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { LedgerPage, LedgerVerificationResponse, ReferralStateResponse, TimelinePage } from './audit-api.views';
import type { ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { findLedgerPage, findReferralTimelinePage, streamLedger } from '@rj/audit/data-access';
import { REFERRAL_STATE_REDUCERS, StateFold } from '@rj/audit/domain';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { NotFound } from '@rj/shared/contracts';
import { InjectServiceConfig } from '@rj/shared/service';
import type { AuditLedgerEnv } from '../audit-ledger.env';
import { AuditReadRecorder } from './audit-read.recorder';
import {
  EventsQuery,
  ExportQuery,
  type LedgerFilterQuery,
  ReplayQuery,
  StateQuery,
  TimelineQuery,
  VerifyQuery,
} from './audit-query.dto';
import { ledgerItem } from './ledger-item';
import { ledgerText, sendStream } from './ledger-streams';
import { LedgerStreamPool } from './ledger-stream-pool';
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
    private readonly streams: LedgerStreamPool,
  ) {}

  @ApiOperation({
    summary:
      'Ledger entries in ledger order, filtered by aggregate, type, referral, organisation and time; events exactly as stored (personal data as ciphertext).',
  })
  @ApiOkResponse({ type: LedgerPage })
  @Get('events')
  async events(@Query() query: EventsQuery, @CurrentPrincipal() principal: Principal) {
    const limit = query.limit ?? 100;
    const afterSequence = query.cursor ? Number(query.cursor) : undefined;
    const rows = await findLedgerPage(this.dataSource, { ...ledgerFilterOf(query), afterSequence }, limit);
    await this.reads.record(principal, {
      endpoint: 'GET /api/audit/events',
      query,
      aggregateId: query.referralId,
      resultCount: rows.length,
    });
    return { items: rows.map(ledgerItem), nextCursor: rows.length === limit ? rows[rows.length - 1].sequence : null };
  }

  @ApiOperation({ summary: 'One referral’s events as they happened, a page at a time.' })
  @ApiOkResponse({ type: TimelinePage })
  @Get('referrals/:id/timeline')
  async timeline(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: TimelineQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    // The story as it happened, a page at a time: by event time; the ledger's sequence breaks
    // ties, stays on each item and is the cursor.
    const limit = query.limit ?? 500;
    const rows = await findReferralTimelinePage(
      this.dataSource,
      id,
      limit,
      query.cursor ? Number(query.cursor) : undefined,
    );
    if (!rows.length && !query.cursor) throw new NotFound(`the ledger holds no event of referral ${id}`);
    await this.reads.record(principal, {
      endpoint: 'GET /api/audit/referrals/{id}/timeline',
      aggregateId: id,
      query,
      resultCount: rows.length,
    });
    return {
      referralId: id,
      items: rows.map(ledgerItem),
      nextCursor: rows.length === limit ? rows[rows.length - 1].sequence : null,
    };
  }

  @ApiOperation({ summary: 'One referral as it stood at a moment, folded from the ledger.' })
  @ApiOkResponse({ type: ReferralStateResponse })
  @Get('referrals/:id/state')
  async state(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: StateQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    // In the order things happened (ties in ledger order): topics reach the ledger interleaved.
    // Streamed in batches and folded as they come: memory holds the state and one batch.
    const fold = new StateFold(query.at, REFERRAL_STATE_REDUCERS);
    const batches = streamLedger(
      this.dataSource,
      { referralId: id },
      { orderBy: 'occurrence', batchSize: this.config.AUDIT_STREAM_BATCH_SIZE },
    );
    for await (const rows of batches) {
      for (const row of rows)
        fold.push({ event: JSON.parse(row.canonical), recordedAt: row.recordedAt, sequence: Number(row.sequence) });
    }
    if (!fold.seen) throw new NotFound(`the ledger holds no event of referral ${id}`);
    const folded = fold.result();
    await this.reads.record(principal, {
      endpoint: 'GET /api/audit/referrals/{id}/state',
      aggregateId: id,
      query,
      resultCount: folded.eventsApplied,
    });
    return {
      referralId: id,
      ...folded,
      state: { referral: folded.state.referral ?? null, case: folded.state.case, outcome: folded.state.outcome },
    };
  }

  @ApiOperation({
    summary:
      'The ledger as NDJSON, one entry a line with its event’s canonical JSON embedded verbatim, so anyone can re-hash the chain.',
  })
  @ApiOkResponse({ description: 'One JSON object per line (streamed).', content: { 'application/x-ndjson': {} } })
  @Get('replay')
  @ApiProduces('application/x-ndjson')
  async replay(
    @Query() query: ReplayQuery,
    @CurrentPrincipal() principal: Principal,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const release = this.streams.admit(res);
    try {
      await this.reads.record(principal, { endpoint: 'GET /api/audit/replay', query });
      await sendStream(
        res,
        NDJSON,
        ledgerText(
          await this.streams.ready(),
          { recordedFrom: query.from, recordedTo: query.to },
          'ndjson',
          this.config.AUDIT_STREAM_BATCH_SIZE,
        ),
      );
    } finally {
      release();
    }
  }

  @ApiOperation({
    summary: 'Verify the hash chain now, end to end or from a signed checkpoint, pinned to every signed checkpoint.',
  })
  @ApiOkResponse({ type: LedgerVerificationResponse })
  @Get('verify')
  async verify(
    @Query() query: VerifyQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ) {
    const release = this.streams.admit(res);
    try {
      const result = await this.verification.verify({ fromCheckpoint: query.fromCheckpoint });
      await this.reads.record(principal, { endpoint: 'GET /api/audit/verify', resultCount: result.checked });
      return result;
    } finally {
      release();
    }
  }

  @ApiOperation({ summary: 'Export filtered ledger entries as NDJSON or CSV (streamed, as an attachment).' })
  @ApiOkResponse({
    description: 'NDJSON (one entry a line) or CSV, streamed.',
    content: { 'application/x-ndjson': {}, 'text/csv': {} },
  })
  @Get('export')
  @ApiProduces('application/x-ndjson', 'text/csv')
  async export(
    @Query() query: ExportQuery,
    @CurrentPrincipal() principal: Principal,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const format = query.format ?? 'ndjson';
    const release = this.streams.admit(res);
    try {
      await this.reads.record(principal, { endpoint: 'GET /api/audit/export', query, aggregateId: query.referralId });
      res.setHeader(
        'content-disposition',
        `attachment; filename="ledger-export.${format === 'csv' ? 'csv' : 'ndjson'}"`,
      );
      const filter = ledgerFilterOf(query);
      await sendStream(
        res,
        format === 'csv' ? 'text/csv; charset=utf-8' : NDJSON,
        ledgerText(await this.streams.ready(), filter, format, this.config.AUDIT_STREAM_BATCH_SIZE),
      );
    } finally {
      release();
    }
  }
}

function ledgerFilterOf(query: LedgerFilterQuery) {
  return {
    aggregateId: query.aggregateId,
    type: query.type,
    referralId: query.referralId,
    organisationId: query.organisationId,
    from: query.from,
    to: query.to,
  };
}
