import { offerAnnouncement } from './offer-announcement';

describe('offerAnnouncement (product.md, Offer: never names or contacts)', () => {
  const offer = {
    offerId: '01950000-0000-7000-8000-000000000008',
    offenseCategory: 'assault',
    severity: 'misdemeanor',
    jurisdiction: 'NL-NH',
    languages: ['nl', 'ar'],
    hasMinor: true,
    expiresAt: new Date('2026-03-02T10:30:00Z'),
  };

  it('tells the programme what it needs to decide and by when', () => {
    const { subject, body } = offerAnnouncement(offer);
    expect(subject).toBe('New referral offer: assault (misdemeanor) in NL-NH, answer by 2026-03-02 10:30 UTC');
    for (const line of [
      'Offence category: assault',
      'Severity: misdemeanor',
      'Jurisdiction: NL-NH',
      "Parties' languages: nl, ar",
      'A party is a minor: yes',
      'Answer by: 2026-03-02T10:30:00.000Z',
      `Offer: ${offer.offerId}`,
    ]) {
      expect(body).toContain(line);
    }
  });

  it('is built from the offer attributes alone: nothing else can reach the mail', () => {
    const withExtras = { ...offer, fullName: 'Anna de Vries', contact: { email: 'anna@example.org' } } as typeof offer;
    const text = JSON.stringify(offerAnnouncement(withExtras));
    expect(text).not.toContain('Anna');
    expect(text).not.toContain('anna@example.org');
  });
});
