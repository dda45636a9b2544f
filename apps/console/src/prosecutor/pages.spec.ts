import { renderPage } from '../test/render';
import { errorsByField } from './referral-form/field-ids';
import { emptyForm } from './referral-form/form-values';

const summary = {
  id: '0190a3b4-0000-7000-8000-000000000001',
  officeId: 'o',
  status: 'needs_review',
  source: 'police',
  jurisdiction: 'NL-NH',
  offense: { code: 'SR-350', category: 'property_damage', severity: 'misdemeanor', description: 'Smashed a window' },
  incidentDate: '2026-03-07',
  stage: 'pre_trial',
  protectiveOrder: false,
  reportBackBy: '2027-01-31',
  screeningOutcome: 'needs_review',
  screeningReasons: [{ rule: 'protective_order_review', detail: 'true' }],
  requiresSpecialist: false,
  partnerId: null,
  caseId: null,
  submittedAt: '2026-12-01T10:00:00Z',
  personalDataErasedAt: null,
};

describe('the prosecutor pages', () => {
  it('render an empty referral form with both parties', async () => {
    const html = await renderPage('pages/prosecutor/referral-form.njk', {
      title: 'Submit a referral',
      values: emptyForm('key-12345678'),
      jurisdictions: ['NL-NH'],
    });
    expect(html).toContain('id="parties-1-fullName"');
    expect(html).toContain('The person responsible');
    // The date fields post as nested values (incidentDate[day]), which the form mapping reads.
    expect(html).toContain('name="incidentDate[day]"');
    expect(html).toContain('name="parties[1][dateOfBirth][year]"');
  });

  it('keep what was entered and show each API error at its field and in the summary', async () => {
    const values = {
      ...emptyForm('key-12345678'),
      caseNumber: 'CASE-9',
      parties: [
        { role: 'harmed', fullName: 'Alex Example', contact: { email: 'not-an-email', safeChannels: ['email'] } },
        { role: 'responsible' },
      ],
    };
    const errors = errorsByField([
      { field: 'parties[0].contact.email', message: 'must be an email' },
      { field: 'incidentDate', message: 'is required' },
    ]);
    const html = await renderPage('pages/prosecutor/referral-form.njk', {
      title: 'Submit a referral',
      values,
      jurisdictions: ['NL-NH'],
      pageHasErrors: true,
      errorSummary: errors.summary,
      fieldErrors: errors.byField,
    });
    expect(html).toContain('<title>Error: Submit a referral');
    expect(html).toContain('href="#parties-0-contact-email"');
    expect(html).toContain('Person harmed: e-mail must be an email');
    expect(html).toMatch(
      /id="parties-0-contact-email"[^>]*value="not-an-email"|value="not-an-email"[^>]*id="parties-0-contact-email"/,
    );
    expect(html).toContain('value="Alex Example"');
    expect(html).toContain('name="idempotencyKey" value="key-12345678"');
    expect(html).toContain('name="_csrf" value="test-csrf-token"');
    expect(html).toContain('href="#incidentDate-day"');
  });

  it('list referrals without names, in words', async () => {
    const html = await renderPage('pages/prosecutor/referrals.njk', {
      title: 'Referrals',
      filters: { status: ['needs_review'], sort: 'newest' },
      referrals: [summary],
      nextPageUrl: '/referrals?cursor=x',
    });
    expect(html).toContain('Damage to property');
    expect(html).toContain('Needs a review');
    expect(html).not.toContain('needs_review</');
    expect(html).toContain('href="/referrals?cursor=x"');
  });

  it('show a referral with its screening reasons in words and its history', async () => {
    const referral = {
      ...summary,
      caseNumber: 'CASE-9',
      notes: null,
      parties: [
        {
          participantId: 'p1',
          role: 'harmed',
          fullName: 'Alex Example',
          minor: false,
          preferredLanguage: 'nl',
          interpreter: true,
        },
      ],
      screening: {
        outcome: 'needs_review',
        reasons: [{ rule: 'protective_order_review', detail: 'true' }],
        policyVersion: 0,
        policyJurisdiction: 'NL-NH',
        defaultPolicy: true,
      },
      review: null,
      withdrawal: null,
      statusHistory: [
        { status: 'submitted', at: '2026-12-01T10:00:00Z', cause: 'x' },
        { status: 'needs_review', at: '2026-12-01T10:00:01Z', cause: 'y' },
      ],
    };
    const html = await renderPage('pages/prosecutor/referral.njk', {
      title: 'Referral',
      referral,
      match: null,
      report: null,
      reviewValues: {},
    });
    expect(html).toContain('A protective order is in place, so a person must review the referral.');
    expect(html).toContain('Decide the review');
    expect(html).toContain('moj-timeline');
    expect(html).toContain('needs an interpreter');
  });
});
