import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: the secret of a survey link. Only its hash is stored. */
export function newSurveyToken(): string {
  return randomBytes(32).toString('base64url');
}

export function surveyTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
