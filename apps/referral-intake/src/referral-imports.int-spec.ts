import { ReferralSubmitted, Topics, validateEventData } from '@rj/shared/contracts';
import { eventsOf, hasTypes } from './test/events';
import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';
import { referralBody } from './test/referral-body';
import { csvOf, csvRowOf, IMPORT_HEADER } from './test/referral-csv';

describe('referral-intake: bulk referral import (POST /api/referrals/imports)', () => {
  let intake: IntakeHarness;
  let office: { id: string; prosecutor: string };

  beforeAll(async () => {
    intake = await startIntakeHarness();
    office = await intake.registerOffice(['NL-NH']);
  });
  afterAll(() => intake?.close());

  const upload = (csv: string, token = office.prosecutor) =>
    intake.request('POST', '/api/referrals/imports', {
      token,
      body: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
  const referralsOfOffice = async () =>
    (await intake.dataSource.query('select id from referral where office_id = $1 order by id', [office.id])).map(
      (row: { id: string }) => row.id,
    ) as string[];

  it('creates the good rows only, reports every problem of the bad ones by row and column, and creates nothing when the file comes again', async () => {
    const good = referralBody();
    const alsoGood = referralBody({ jurisdiction: 'NL-NH' });
    const rows = [
      csvRowOf(good),
      csvRowOf(referralBody(), { harmed_email: 'not-an-address', responsible_safe_channels: '' }),
      csvRowOf(alsoGood),
      csvRowOf(referralBody({ jurisdiction: 'NL-FL' }), { incident_date: '2999-01-01' }),
      csvRowOf(referralBody(), { case_number: good.caseNumber }),
      csvRowOf(referralBody(), { protective_order: 'maybe' }),
    ];
    const first = await upload(csvOf(rows));
    expect(first.status).toBe(200);
    const [created2, created4] = [first.body.results[0].referralId, first.body.results[2].referralId];
    expect(first.body).toEqual({
      rows: 6,
      created: 2,
      alreadyImported: 0,
      invalid: 4,
      results: [
        { row: 2, outcome: 'created', referralId: expect.any(String) },
        { row: 3, outcome: 'invalid' },
        { row: 4, outcome: 'created', referralId: expect.any(String) },
        { row: 5, outcome: 'invalid' },
        { row: 6, outcome: 'invalid' },
        { row: 7, outcome: 'invalid' },
      ],
      errors: [
        {
          row: 3,
          field: 'responsible_safe_channels',
          message: 'must name the safe channels (email, sms, phone, separated by ";"), or say none',
        },
        { row: 3, field: 'harmed_email', message: 'must be an email' },
        { row: 5, field: 'jurisdiction', message: 'the office may not submit for jurisdiction NL-FL' },
        { row: 5, field: 'incident_date', message: 'must not be in the future' },
        { row: 6, field: 'case_number', message: 'repeats the case number of row 2' },
        { row: 7, field: 'protective_order', message: 'must be a boolean value' },
      ],
    });
    expect(await referralsOfOffice()).toEqual([created2, created4].sort());

    // Created as POST /api/referrals creates: screened, announced, personal data encrypted.
    const detail = await intake.request('GET', `/api/referrals/${created2}`, { token: office.prosecutor });
    expect(detail.body).toMatchObject({ status: 'matching', caseNumber: good.caseNumber });
    const events = await eventsOf(
      intake.topics.prefix,
      Topics.referral,
      created2,
      hasTypes('referral.submitted', 'referral.screened'),
    );
    const submitted = events.find((event) => event.type === 'referral.submitted')!;
    expect(validateEventData(ReferralSubmitted, submitted.data)).toEqual([]);
    expect((submitted.data as any).participants[0].contact).toMatchObject({
      email: expect.stringMatching(/^pii:1:/),
      phone: expect.stringMatching(/^pii:1:/),
      safeChannels: ['email'],
    });

    const again = await upload(csvOf(rows));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      rows: 6,
      created: 0,
      alreadyImported: 2,
      invalid: 4,
      errors: first.body.errors,
    });
    expect(again.body.results.filter((r: { outcome: string }) => r.outcome === 'already_imported')).toEqual([
      { row: 2, outcome: 'already_imported', referralId: created2 },
      { row: 4, outcome: 'already_imported', referralId: created4 },
    ]);
    expect(await referralsOfOffice()).toEqual([created2, created4].sort());
  });

  it('takes the file as a multipart form part, and creates a corrected row on the next upload', async () => {
    const body = referralBody();
    const wrong = csvRowOf(body, { harmed_preferred_language: 'not a language' });
    const form = (csv: string) => {
      const data = new FormData();
      data.append('file', new Blob([csv], { type: 'text/csv' }), 'referrals.csv');
      return fetch(`${intake.url}/api/referrals/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${office.prosecutor}` },
        body: data,
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    };
    const refused = await form(csvOf([wrong]));
    expect(refused).toMatchObject({
      status: 200,
      body: { created: 0, invalid: 1, errors: [{ row: 2, field: 'harmed_preferred_language' }] },
    });
    const corrected = await form(csvOf([csvRowOf(body)]));
    expect(corrected).toMatchObject({ status: 200, body: { created: 1, invalid: 0, errors: [] } });
  });

  it('refuses a file whose header is not the documented one, a body of another type, and callers that are not prosecutors', async () => {
    const header = IMPORT_HEADER.filter((name) => name !== 'harmed_safe_channels').concat('victim_address');
    const badHeader = await upload(csvOf([csvRowOf(referralBody())], header));
    expect(badHeader).toMatchObject({
      status: 400,
      body: {
        errors: [
          { field: 'file', message: 'unknown columns: victim_address' },
          { field: 'file', message: 'missing columns: harmed_safe_channels' },
        ],
      },
    });
    expect((await upload(`${IMPORT_HEADER.join(',')}\r\n`)).body.errors).toEqual([
      { field: 'file', message: 'the file has a header but no referrals' },
    ]);
    const json = await intake.request('POST', '/api/referrals/imports', {
      token: office.prosecutor,
      body: { rows: [] },
    });
    expect(json.status).toBe(415);
    expect((await upload(csvOf([csvRowOf(referralBody())]), intake.admin)).status).toBe(403);
    expect(
      (await upload(csvOf([csvRowOf(referralBody())]), intake.as('prosecutor', '0190a3b4-0000-7000-8000-00000000dead')))
        .status,
    ).toBe(403);
  });
});
