/**
 * A survey link's token: random, single-use, valid 30 days. The service stores only its hash, so the
 * table cannot be read back into working links; answers are stored apart from it, so once
 * used nothing ties them to the person the link was sent to.
 */
export const SURVEY_LINK_DAYS = 30;

export type SurveyLinkState = 'open' | 'used' | 'expired' | 'unknown';

/** A token (32 random bytes, base64url: minted by the service) must look like one before it is even looked up. */
export function isWellFormedSurveyToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function surveyLinkState(link: { issuedAt: string; usedAt: string | null } | null, now: Date): SurveyLinkState {
  if (!link) return 'unknown';
  if (link.usedAt) return 'used';
  return now.getTime() - Date.parse(link.issuedAt) > SURVEY_LINK_DAYS * 86_400_000 ? 'expired' : 'open';
}
