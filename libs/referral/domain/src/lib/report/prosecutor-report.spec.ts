import { RuleViolation } from '@rj/shared/contracts';
import { buildProsecutorReport, type ProsecutorReportInput } from './prosecutor-report';
import { everyPartyConsentedToSharing, type ConsentRecord } from './sharing-consent';

const participants = [{ participantId: 'h' }, { participantId: 'r' }];
const share = (
  participantId: string,
  decision: ConsentRecord['decision'],
  recordedAt: string,
  byGuardian = false,
): ConsentRecord => ({
  participantId,
  purpose: 'share_outcome_with_referrer',
  decision,
  recordedAt,
  byGuardian,
});
const bothGiven = [share('h', 'given', '2025-03-01T10:00:00Z'), share('r', 'given', '2025-03-01T11:00:00Z')];

const input = (overrides: Partial<ProsecutorReportInput> = {}): ProsecutorReportInput => ({
  referralId: 'ref-1',
  status: 'completed',
  dates: {
    referredAt: '2025-03-01T09:00:00Z',
    acceptedAt: '2025-03-02T09:00:00Z',
    concludedAt: '2025-05-01T09:00:00Z',
  },
  participants,
  consents: bothGiven,
  terms: [
    {
      termId: 't1',
      kind: 'apology_letter',
      dueBy: '2025-04-15',
      status: 'fulfilled',
      description: 'what was said in the dialogue',
    },
  ],
  ...overrides,
});

describe('everyPartyConsentedToSharing', () => {
  it('needs every party to have given it', () => {
    expect(everyPartyConsentedToSharing(participants, bothGiven)).toBe(true);
    expect(everyPartyConsentedToSharing(participants, bothGiven.slice(0, 1))).toBe(false);
    expect(everyPartyConsentedToSharing([], [])).toBe(false);
  });

  it('counts the latest decision per participant: a withdrawal takes it back, a new one gives it again', () => {
    const withdrawn = [...bothGiven, share('r', 'withdrawn', '2025-03-05T00:00:00Z')];
    expect(everyPartyConsentedToSharing(participants, withdrawn)).toBe(false);
    expect(
      everyPartyConsentedToSharing(participants, [...withdrawn, share('r', 'given', '2025-03-06T00:00:00Z')]),
    ).toBe(true);
    // Out of order in the list: the recorded time decides, not the position.
    expect(
      everyPartyConsentedToSharing(participants, [share('r', 'withdrawn', '2025-03-05T00:00:00Z'), ...bothGiven]),
    ).toBe(false);
  });

  it('ignores consents for other purposes', () => {
    expect(
      everyPartyConsentedToSharing(participants, [
        share('h', 'given', 'x'),
        { participantId: 'r', purpose: 'participation', decision: 'given' },
      ]),
    ).toBe(false);
  });

  it('needs a minor and their guardian both to give it', () => {
    const minors = [{ participantId: 'h' }, { participantId: 'r', minor: true }];
    expect(everyPartyConsentedToSharing(minors, bothGiven)).toBe(false);
    expect(
      everyPartyConsentedToSharing(minors, [...bothGiven, share('r', 'given', '2025-03-02T00:00:00Z', true)]),
    ).toBe(true);
  });
});

describe('buildProsecutorReport', () => {
  it('shows result, dates and term statuses when every party agreed to sharing — never term content', () => {
    const report = buildProsecutorReport(input());
    expect(report).toEqual({
      referralId: 'ref-1',
      result: 'completed',
      reasonCode: null,
      dates: {
        referredAt: '2025-03-01T09:00:00Z',
        acceptedAt: '2025-03-02T09:00:00Z',
        firstSessionAt: null,
        agreementAt: null,
        concludedAt: '2025-05-01T09:00:00Z',
      },
      termsShared: true,
      terms: [{ termId: 't1', kind: 'apology_letter', dueBy: '2025-04-15', status: 'fulfilled' }],
    });
    expect(JSON.stringify(report)).not.toContain('what was said');
  });

  it('hides the terms when one party did not agree, or withdrew', () => {
    const withdrawn = buildProsecutorReport(
      input({ consents: [...bothGiven, share('h', 'withdrawn', '2025-04-01T00:00:00Z')] }),
    );
    expect(withdrawn).toMatchObject({ result: 'completed', termsShared: false, terms: null });
    expect(
      buildProsecutorReport(input({ consents: [share('h', 'given', 'x'), share('r', 'declined', 'y')] })).terms,
    ).toBeNull();
  });

  it('carries a returned case with its neutral reason code', () => {
    expect(buildProsecutorReport(input({ status: 'returned', reasonCode: 'no_agreement', terms: [] }))).toMatchObject({
      result: 'returned',
      reasonCode: 'no_agreement',
    });
  });

  it('has no report before the referral came back', () => {
    expect(() => buildProsecutorReport(input({ status: 'in_progress' }))).toThrow(RuleViolation);
  });
});
