import { Controller, Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ApiRefused, ApiUnavailable, ServiceApi } from '../../platform/api-client';
import type { SessionUser } from '../../platform/session-user';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS, templateCsv } from './import-columns';
import { MAX_IMPORT_FILE_BYTES, type UploadedImport } from './import-upload';
import { resultRows, type ImportReport } from './import-report';

const VIEW = 'pages/prosecutor/referral-import.njk';
/** 5,000 rows take the service up to about 30 s: more than an ordinary page's API call. */
const IMPORT_TIMEOUT_MS = 120_000;

/**
 * Import referrals from a spreadsheet: one CSV file, every row checked by referral-intake as a
 * referral submitted on its own. The page shows what became of each row and every problem of
 * the rows not imported, by row and column; uploading the file again creates nothing twice.
 */
@Controller('referrals/import')
@ForRoles('prosecutor')
export class ReferralImportController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  form(@Res() res: Response): void {
    res.render(VIEW, this.context());
  }

  @Get('template.csv')
  template(@Res() res: Response): void {
    res.type('text/csv').attachment('referrals-import-template.csv').send(templateCsv());
  }

  @Post()
  async upload(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    const upload = (res.locals['referralImport'] as UploadedImport | undefined) ?? { csv: null };
    if (upload.refused || upload.csv === null) {
      const text =
        upload.refused === 'too_large'
          ? `The file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB: split it in two`
          : upload.refused
            ? 'The file could not be read: choose it again'
            : 'Choose a CSV file';
      return this.again(res, 400, [text]);
    }
    try {
      const report = await this.api.post<ImportReport>(user, 'referral-intake', '/api/referrals/imports', {
        raw: { text: upload.csv, contentType: 'text/csv; charset=utf-8' },
        timeoutMs: IMPORT_TIMEOUT_MS,
      });
      res.render(VIEW, { ...this.context(), report, rows: resultRows(report) });
    } catch (error) {
      if (error instanceof ApiRefused && [400, 403, 413, 415].includes(error.problem.status)) {
        const problems = (error.problem.errors ?? []).map((problem) => problem.message);
        return this.again(
          res,
          error.problem.status,
          problems.length ? problems : [error.problem.detail ?? 'The file was refused'],
        );
      }
      if (error instanceof ApiUnavailable) {
        return this.again(res, 503, [
          `The file could not be imported just now. Upload it again: rows already imported are not created twice. Reference: ${error.correlationId}`,
        ]);
      }
      throw error;
    }
  }

  private again(res: Response, status: number, problems: string[]): void {
    res.status(status).render(VIEW, {
      ...this.context(),
      pageHasErrors: true,
      errorSummary: problems.map((text) => ({ text, href: '#file' })),
      fileError: problems.join('. '),
    });
  }

  private context() {
    return {
      title: 'Import referrals from a spreadsheet',
      requiredColumns: REQUIRED_COLUMNS,
      optionalColumns: OPTIONAL_COLUMNS,
    };
  }
}
