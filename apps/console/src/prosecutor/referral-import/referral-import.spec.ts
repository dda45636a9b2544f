import { renderPage } from '../../test/render';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS, templateCsv } from './import-columns';
import { resultRows, type ImportReport } from './import-report';

const report: ImportReport = {
  rows: 3,
  created: 1,
  alreadyImported: 1,
  invalid: 1,
  results: [
    { row: 2, outcome: 'created', referralId: '0190a3b4-0000-7000-8000-000000000001' },
    { row: 3, outcome: 'invalid' },
    { row: 4, outcome: 'already_imported', referralId: '0190a3b4-0000-7000-8000-000000000002' },
  ],
  errors: [
    { row: 3, field: 'harmed_email', message: 'must be an email' },
    { row: 3, field: 'responsible_safe_channels', message: 'must name the safe channels' },
  ],
};

describe('the referral import page', () => {
  it('offers a form that posts the file as multipart with its CSRF token first, and lists the columns', async () => {
    const html = await renderPage('pages/prosecutor/referral-import.njk', {
      title: 'Import referrals from a spreadsheet',
      requiredColumns: REQUIRED_COLUMNS,
      optionalColumns: OPTIONAL_COLUMNS,
      csrfToken: 'token-1',
    });
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html.indexOf('name="_csrf"')).toBeLessThan(html.indexOf('name="file"'));
    expect(html).toContain('harmed_safe_channels');
    expect(templateCsv().split(',')).toHaveLength(REQUIRED_COLUMNS.length + OPTIONAL_COLUMNS.length);
  });

  it("shows every row's result and its problems by column, linking the referrals", async () => {
    const rows = resultRows(report);
    expect(rows[1]).toEqual({
      row: 3,
      outcome: 'Not imported',
      problems: 'harmed_email: must be an email; responsible_safe_channels: must name the safe channels',
      referralId: null,
    });
    const html = await renderPage('pages/prosecutor/referral-import.njk', {
      title: 'Import',
      requiredColumns: REQUIRED_COLUMNS,
      optionalColumns: OPTIONAL_COLUMNS,
      report,
      rows,
    });
    expect(html).toContain('1 referral created and screened');
    expect(html).toContain('href="/referrals/0190a3b4-0000-7000-8000-000000000001"');
    expect(html).toContain('Already imported: nothing created');
  });
});
