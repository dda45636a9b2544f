import type { PracticeRecordView } from '../../partner/practice/practice-shapes';
import { verifiedMessage } from './verified-message';

const record = (over: Partial<PracticeRecordView>): PracticeRecordView => ({
  id: 'r',
  mediatorId: 'm',
  partnerId: 'p',
  recordType: 'credential',
  kind: 'basic_mediation',
  recordedAt: '2026-12-01T10:00:00Z',
  verifiedAt: '2026-12-06T10:00:00Z',
  ...over,
});

describe('the message after a verification (issue 22)', () => {
  it('says until when a credential counts', () => {
    expect(verifiedMessage(record({ expiresOn: '2027-03-31' }))).toBe(
      'Basic mediation training now counts when the mediator is proposed, until the end of 31 March 2027.',
    );
  });

  it('says when it does not expire, and names the language rather than its code', () => {
    expect(verifiedMessage(record({ expiresOn: null }))).toBe(
      'Basic mediation training now counts when the mediator is proposed, with no expiry date.',
    );
    expect(verifiedMessage(record({ recordType: 'language', kind: 'nl', language: 'nl' }))).toBe(
      'Working in Dutch now counts when the mediator is proposed, with no expiry date.',
    );
  });
});
