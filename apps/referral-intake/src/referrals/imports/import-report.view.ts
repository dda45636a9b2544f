import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_COLUMNS } from './referral-csv-columns';
import { MAX_IMPORT_ROWS } from './referral-csv';

/**
 * A row's problems: one per refused cell, and per field one for each of its checks that failed
 * (a field has at most a few), plus the rules across fields; five per column bounds them all.
 */
const MAX_PROBLEMS_PER_ROW = IMPORT_COLUMNS.length * 5;

export const IMPORT_OUTCOMES = ['created', 'already_imported', 'invalid'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export class ImportRowView {
  @ApiProperty({ example: 2, description: "The spreadsheet's row: the header is row 1." }) row: number;
  @ApiProperty({
    enum: IMPORT_OUTCOMES,
    description:
      'created now; already_imported: the office has a referral with this case number (nothing created); invalid: see errors.',
  })
  outcome: ImportOutcome;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The referral created, or the one that already had this case number.',
  })
  referralId?: string;
}

export class ImportProblemView {
  @ApiProperty({ example: 3 }) row: number;
  @ApiProperty({
    example: 'harmed_email',
    description: "The column (the header's name), or the field when no single column holds it.",
    maxLength: 500, // as a problem document's errors[].field
  })
  field: string;
  @ApiProperty({ example: 'must be an email', maxLength: 2000 }) message: string;
}

/** The answer of `POST /api/referrals/imports`: one result per row, one problem per field. */
export class ImportReportView {
  @ApiProperty({ description: 'Referral rows in the file.' }) rows: number;
  @ApiProperty() created: number;
  @ApiProperty({ description: 'Valid rows whose case number the office already has: nothing created.' })
  alreadyImported: number;
  @ApiProperty() invalid: number;
  @ApiProperty({ type: [ImportRowView], maxItems: MAX_IMPORT_ROWS }) results: ImportRowView[];
  @ApiProperty({ type: [ImportProblemView], maxItems: MAX_IMPORT_ROWS * MAX_PROBLEMS_PER_ROW })
  errors: ImportProblemView[];
}
