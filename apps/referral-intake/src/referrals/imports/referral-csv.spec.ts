import { columnOfField, IMPORT_COLUMNS } from './referral-csv-columns';
import { parseReferralCsv } from './referral-csv';

const header = IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.name);
const row = (cells: Record<string, string>) => header.map((name) => cells[name] ?? '').join(',');
const base = {
  source: 'prosecutor',
  case_number: 'P-1',
  harmed_minor: 'false',
  harmed_safe_channels: 'email;phone',
  responsible_safe_channels: 'none',
  protective_order: 'Yes',
  harmed_interpreter: 'no',
};

describe('the bulk import CSV', () => {
  it('turns a row into a referral body: fixed roles, booleans, channel lists, empty cells left out', () => {
    const parsed = parseReferralCsv(`\uFEFF${header.join(',')}\n${row(base)}\n`);
    if (!('rows' in parsed)) throw new Error(parsed.fileProblems.join());
    const [{ row: number, body, problems }] = parsed.rows;
    expect(number).toBe(2);
    expect(problems).toEqual([]);
    expect(body).toMatchObject({ source: 'prosecutor', caseNumber: 'P-1', protectiveOrder: true });
    expect(body).not.toHaveProperty('jurisdiction');
    expect(body.parties).toEqual([
      { role: 'harmed', minor: false, interpreter: false, contact: { safeChannels: ['email', 'phone'] } },
      { role: 'responsible', contact: { safeChannels: [] } },
    ]);
  });

  it('reads back a cell our CSV export protected against formulas, and leaves a word that is not a boolean to the validator', () => {
    const parsed = parseReferralCsv(
      `${header.join(',')},harmed_phone\n${row({ ...base, harmed_minor: 'maybe' })},'+31 6 1234\n`,
    );
    if (!('rows' in parsed)) throw new Error(parsed.fileProblems.join());
    expect(parsed.rows[0].body.parties).toMatchObject([{ minor: 'maybe', contact: { phone: '+31 6 1234' } }, {}]);
  });

  it('requires the safe-channel cells of both parties, and gives a named guardian a contact', () => {
    const parsed = parseReferralCsv(
      `${header.join(',')},harmed_guardian_full_name\n${row({ ...base, harmed_safe_channels: ' ' })},Els\n`,
    );
    if (!('rows' in parsed)) throw new Error(parsed.fileProblems.join());
    expect(parsed.rows[0].problems).toEqual([
      { row: 2, field: 'harmed_safe_channels', message: expect.stringMatching(/^must name the safe channels/) },
    ]);
    expect(parsed.rows[0].body.parties).toMatchObject([{ guardian: { fullName: 'Els', contact: {} } }, {}]);
  });

  it('refuses the whole file for its header, an empty file, or a row of the wrong width', () => {
    expect(parseReferralCsv(`${header.join(',')},case_number,extra\n`)).toEqual({
      fileProblems: ['unknown columns: extra', 'repeated columns: case_number'],
    });
    expect(parseReferralCsv('')).toEqual({
      fileProblems: ['the file is empty: it needs the header row and at least one referral'],
    });
    expect(parseReferralCsv(`${header.join(',')}\na,b\n`)).toEqual({
      fileProblems: [expect.stringMatching(/^the file is not valid CSV/)],
    });
  });

  it('names a problem by the column that holds the field', () => {
    expect(columnOfField('parties[1].contact.safeChannels')).toBe('responsible_safe_channels');
    expect(columnOfField('parties[0].guardian.contact')).toBe('harmed_guardian_email');
    expect(columnOfField('offense.code')).toBe('offense_code');
    expect(columnOfField('parties[0]')).toBe('harmed_full_name');
    expect(columnOfField('parties')).toBe('parties');
  });
});
