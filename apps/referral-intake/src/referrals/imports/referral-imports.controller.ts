import { Controller, HttpCode, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiUnsupportedMediaTypeResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { csvOfRequest, IMPORT_BODY_LIMIT_BYTES, type UploadedCsv } from './csv-body';
import { ImportReportView } from './import-report.view';
import { ReferralImportsService } from './referral-imports.service';
import { IMPORT_COLUMNS } from './referral-csv-columns';
import { MAX_IMPORT_ROWS } from './referral-csv';

const HEADER = IMPORT_COLUMNS.map((c) => (c.required ? c.name : `[${c.name}]`)).join(',');

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('api/referrals/imports')
export class ReferralImportsController {
  constructor(private readonly imports: ReferralImportsService) {}

  @Roles('prosecutor')
  @Post()
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_BODY_LIMIT_BYTES, files: 1, fields: 0 } }))
  @ApiOperation({
    summary: `Bulk import: a CSV of referrals for the caller's office (at most ${MAX_IMPORT_ROWS} rows), as a text/csv body or the part named file of a multipart form. Every row is validated as POST /api/referrals validates a body; valid rows are created, invalid ones create nothing; a row whose case number the office already has creates nothing. Header (any order; bracketed columns optional): ${HEADER}. Booleans true/false; safe channels email, sms, phone separated by ";", or none (the cell must not be empty).`,
  })
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      // maxLength in bytes: the body limit the service holds the file to (413 beyond it).
      properties: { file: { type: 'string', format: 'binary', maxLength: IMPORT_BODY_LIMIT_BYTES } },
    },
  })
  @ApiOkResponse({
    type: ImportReportView,
    description:
      'Every row with its outcome, and every problem of the invalid ones (row, field, message). The created referrals are committed.',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'A body that is neither text/csv nor a multipart form.' })
  @ApiBadRequestResponse({
    description:
      'The file as a whole: not CSV, a header with unknown, repeated or missing columns, no rows or too many (field file).',
  })
  @ApiForbiddenResponse({ description: "The caller's organisation is not a registered prosecutor's office." })
  async import(
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @UploadedFile() file: UploadedCsv | undefined,
  ): Promise<ImportReportView> {
    return this.imports.import(principal, await csvOfRequest(req, file));
  }
}
