/** What a partner learns of an offered referral before it accepts: attributes, never people. */
export interface OfferedReferral {
  readonly offerId: string;
  readonly offenseCategory: string;
  readonly severity: string;
  readonly jurisdiction: string;
  readonly languages: readonly string[];
  readonly hasMinor: boolean;
  readonly expiresAt: Date;
}

export interface Announcement {
  readonly subject: string;
  readonly body: string;
}

/**
 * The e-mail that announces a new offer to the partner's contact (product.md, Offer: "never
 * names or contacts"). Built from the offer's attributes alone, so there is nothing personal it
 * could leak; names are revealed only to the partner that accepts, and not by this service.
 */
export function offerAnnouncement(offer: OfferedReferral): Announcement {
  const answerBy = `${offer.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return {
    subject: `New referral offer: ${offer.offenseCategory} (${offer.severity}) in ${offer.jurisdiction}, answer by ${answerBy}`,
    body: [
      'A referral has been offered to your programme.',
      '',
      `Offence category: ${offer.offenseCategory}`,
      `Severity: ${offer.severity}`,
      `Jurisdiction: ${offer.jurisdiction}`,
      `Parties' languages: ${offer.languages.join(', ') || 'not stated'}`,
      `A party is a minor: ${offer.hasMinor ? 'yes' : 'no'}`,
      `Answer by: ${offer.expiresAt.toISOString()}`,
      `Offer: ${offer.offerId}`,
      '',
      'Accept or decline it on the platform before then; without an answer it goes to another programme.',
      'The names and contacts of the people concerned are shown only once your programme accepts.',
    ].join('\n'),
  };
}
