import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { choicesOf } from '../messages/describe';
import { ServiceApi } from '../platform/api-client';
import type { SessionUser } from '../platform/session-user';
import type { LedgerPage, Overview } from './api-shapes';
import { LedgerDownload } from './ledger-download';
import { ledgerApiQuery, ledgerUrl, readLedgerFilters } from './ledger-filters';
import { eventLine } from './ledger-words';

const PAGE_SIZE = 50;

/**
 * The auditors' overview and the ledger search. Read-only: every page is a read of the
 * ledger, which the service records (`audit.read`) before answering.
 */
@Controller('audit')
@ForRoles('auditor', 'admin')
export class OversightController {
  constructor(
    private readonly api: ServiceApi,
    private readonly download: LedgerDownload,
  ) {}

  @Get()
  async home(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    const overview = await this.api.get<Overview>(user, 'audit-ledger', '/api/audit/overview');
    res.render('pages/auditor/home.njk', { title: 'Oversight', overview });
  }

  @Get('events')
  async search(
    @CurrentUser() user: SessionUser,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const { filters, errors } = readLedgerFilters(query);
    const page = await this.api.get<LedgerPage>(user, 'audit-ledger', '/api/audit/events', {
      query: { ...ledgerApiQuery(filters), limit: PAGE_SIZE },
    });
    res.status(errors.length ? 400 : 200).render('pages/auditor/events.njk', {
      title: 'Search the ledger',
      pageHasErrors: errors.length > 0,
      errors,
      problems: Object.fromEntries(errors.map((error) => [error.href.slice(1), error.text])),
      filters,
      typeChoices: [
        { value: '', text: 'Any event' },
        ...choicesOf('eventType').map((choice) => ({ ...choice, selected: choice.value === filters.type })),
      ],
      lines: page.items.map(eventLine),
      nextPageUrl: page.nextCursor ? ledgerUrl('/audit/events', filters, { cursor: String(page.nextCursor) }) : null,
      firstPageUrl: filters.cursor ? ledgerUrl('/audit/events', filters) : null,
      csvUrl: ledgerUrl('/audit/events/export', filters, { format: 'csv' }),
      ndjsonUrl: ledgerUrl('/audit/events/export', filters, { format: 'ndjson' }),
    });
  }

  /** The search's filter (without its page) as a file, streamed through from the service. */
  @Get('events/export')
  async export(
    @CurrentUser() user: SessionUser,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const { filters } = readLedgerFilters(query);
    const format = query['format'] === 'ndjson' ? 'ndjson' : 'csv';
    await this.download.pipe(
      user,
      { ...ledgerApiQuery({ ...filters, cursor: undefined }), cursor: undefined, format },
      res,
    );
  }
}
