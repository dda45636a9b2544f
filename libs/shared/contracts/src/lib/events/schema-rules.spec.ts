import { checkEnvelope } from '../envelope-schema';
import { SAMPLE_IDS, sampleCiphertext, sampleEvent, type SampleEventType } from './samples';

/** Takes a sample, changes its data, and returns the errors checkEnvelope reports. */
function errorsAfter<K extends SampleEventType>(
  type: K,
  change: (data: ReturnType<typeof sampleEvent<K>>['data']) => void,
): string {
  const event = sampleEvent(type);
  change(event.data);
  const result = checkEnvelope(JSON.parse(JSON.stringify(event)));
  return result.ok ? '' : result.errors.join('\n');
}

describe('referral.submitted', () => {
  it('refuses a minor without a guardian (api.md: a 400, never an event)', () => {
    expect(errorsAfter('referral.submitted', (d) => delete d.participants[1].guardian)).toContain(
      'a minor needs a guardian',
    );
  });

  it('refuses a referral without a harmed and a responsible party', () => {
    expect(errorsAfter('referral.submitted', (d) => (d.participants[0].role = 'responsible'))).toContain(
      'at least one harmed and one responsible',
    );
  });

  it('keeps hasMinor and languages true to the participants, for matching', () => {
    expect(errorsAfter('referral.submitted', (d) => (d.hasMinor = false))).toContain('hasMinor');
    expect(errorsAfter('referral.submitted', (d) => (d.languages = ['nl']))).toContain('languages must be exactly');
  });

  it("refuses ciphertext under another key than the referral's, which erasure would not shred", () => {
    expect(
      errorsAfter('referral.submitted', (d) => (d.caseNumber = sampleCiphertext('PARKET-1', SAMPLE_IDS.referralId))),
    ).toContain('every ciphertext must be encrypted under dataKeyId');
  });

  it('refuses a safe channel the participant cannot be reached on', () => {
    expect(errorsAfter('referral.submitted', (d) => delete d.participants[0].contact.email)).toContain(
      'safeChannels names email but there is no email',
    );
  });

  it('refuses counsel for the person harmed, and a missing contact', () => {
    expect(errorsAfter('referral.submitted', (d) => (d.participants[0].counsel = d.participants[1].counsel))).toContain(
      'only the person responsible has defence counsel',
    );
    expect(
      errorsAfter(
        'referral.submitted',
        (d) => delete (d.participants[0] as Partial<(typeof d.participants)[0]>).contact,
      ),
    ).toContain('participants.0.contact');
  });

  it('refuses dates that do not exist and severities api.md does not name', () => {
    expect(errorsAfter('referral.submitted', (d) => (d.incidentDate = '2025-02-30'))).toContain(
      'incidentDate must be a date',
    );
    expect(
      errorsAfter('referral.submitted', (d) => ((d.offense as { severity: string }).severity = 'crime')),
    ).toContain('offense.severity');
  });
});

describe('screening and review', () => {
  it('needs the reasons of an ineligible or needs_review screening', () => {
    expect(errorsAfter('referral.screened', (d) => (d.reasons = []))).toContain(
      'an needs_review screening names its reasons',
    );
  });

  it('lets only an admin override an exclusion, and then only to a specialist in the category', () => {
    const override = {
      decision: 'eligible',
      overrodeExclusion: true,
      requiresSpecialist: true,
      specialistCategory: 'domestic_violence',
    } as const;
    expect(errorsAfter('referral.reviewed', (d) => Object.assign(d, override))).toContain(
      'only an admin overrides an exclusion',
    );
    expect(errorsAfter('referral.reviewed', (d) => Object.assign(d, override, { reviewerRole: 'admin' }))).toBe('');
    expect(
      errorsAfter('referral.reviewed', (d) =>
        Object.assign(d, override, { reviewerRole: 'admin', requiresSpecialist: false }),
      ),
    ).toContain('requires a specialist');
  });

  it('never extends a deadline to an earlier date', () => {
    expect(errorsAfter('referral.deadline_extended', (d) => (d.reportBackBy = '2025-09-01'))).toContain(
      'reportBackBy must be later',
    );
  });
});

describe('scheduling', () => {
  it('names the reason of a case concluded without agreement, and only then', () => {
    expect(errorsAfter('case.concluded', (d) => (d.agreementReached = false))).toContain(
      'reasonCode is given exactly when',
    );
    expect(
      errorsAfter('case.concluded', (d) => Object.assign(d, { agreementReached: false, reasonCode: 'no_agreement' })),
    ).toBe('');
  });

  it('records a reminder skipped for want of a safe channel with its reason and no channel', () => {
    expect(errorsAfter('reminder.sent', (d) => Object.assign(d, { delivered: false }))).toContain('a skipped reminder');
    expect(
      errorsAfter(
        'reminder.sent',
        (d) => (Object.assign(d, { delivered: false, reasonCode: 'no_safe_channel' }), delete d.channel),
      ),
    ).toBe('');
  });

  it('refuses a session that ends before it starts', () => {
    expect(errorsAfter('session.scheduled', (d) => (d.endsAt = '2025-03-20T13:00:00.000Z'))).toContain(
      'endsAt must be after startsAt',
    );
  });

  it('refuses risk factors and a disclosure recipient in words', () => {
    expect(errorsAfter('risk.assessed', (d) => Object.assign(d, { factors: ['prior_violence'] }))).toContain(
      'property factors should not exist',
    );
    expect(errorsAfter('disclosure.recorded', (d) => Object.assign(d, { recipient: 'Officer Smith' }))).toContain(
      'property recipient should not exist',
    );
  });
});

describe('outcome', () => {
  it('gives restitution an amount and community service hours, and nothing of the other', () => {
    expect(errorsAfter('agreement.recorded', (d) => delete d.terms[0].amount)).toContain(
      'a restitution term has an amount',
    );
    expect(errorsAfter('agreement.recorded', (d) => (d.terms[2].hours = 3))).toContain(
      'hours belong to a community service term',
    );
  });

  it('takes money only as a decimal string with an ISO 4217 currency', () => {
    expect(
      errorsAfter('agreement.recorded', (d) => ((d.terms[0].amount as unknown as { amount: number }).amount = 450.5)),
    ).toContain('terms.0.amount.amount');
    expect(errorsAfter('term.progress_recorded', (d) => d.amount && (d.amount.currency = 'euro'))).toContain(
      'amount.currency',
    );
  });

  it('keeps running totals with the progress they sum', () => {
    expect(errorsAfter('term.progress_recorded', (d) => delete d.totalAmount)).toContain(
      'totalAmount comes with amount',
    );
  });
});

describe('access log', () => {
  it('takes a route template, never a URL with ids or a query', () => {
    expect(errorsAfter('personal_data.read', (d) => (d.endpoint = `GET /api/cases/${SAMPLE_IDS.caseId}`))).toContain(
      'route template',
    );
    expect(errorsAfter('audit.read', (d) => (d.endpoint = 'GET /api/audit/events?aggregateId=x'))).toContain(
      'route template',
    );
  });
});
