/** The answer of POST /api/referrals/imports, as the page shows it. */
export interface ImportReport {
  rows: number;
  created: number;
  alreadyImported: number;
  invalid: number;
  results: { row: number; outcome: 'created' | 'already_imported' | 'invalid'; referralId?: string }[];
  errors: { row: number; field: string; message: string }[];
}

const OUTCOME_WORDS: Record<ImportReport['results'][number]['outcome'], string> = {
  created: 'Created',
  already_imported: 'Already imported: nothing created',
  invalid: 'Not imported',
};

/** Rows of the results table: each row's outcome in words, its problems joined, a link when there is a referral. */
export function resultRows(
  report: ImportReport,
): { row: number; outcome: string; problems: string; referralId: string | null }[] {
  return report.results.map((result) => ({
    row: result.row,
    outcome: OUTCOME_WORDS[result.outcome],
    problems: report.errors
      .filter((error) => error.row === result.row)
      .map((error) => `${error.field}: ${error.message}`)
      .join('; '),
    referralId: result.referralId ?? null,
  }));
}
