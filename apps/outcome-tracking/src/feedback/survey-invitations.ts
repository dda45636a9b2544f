import type { EntityManager } from 'typeorm';
import { isWellFormedSurveyToken } from '@rj/outcome/domain';
import { FeedbackInvitationEntity } from '@rj/outcome/data-access';
import { surveyTokenHash } from './survey-token';

/**
 * The invitation behind a link: the invitation's own, or its reminder's (a second single-use
 * link to the same survey). A malformed token is never even looked up.
 */
export async function invitationOfToken(
  manager: EntityManager,
  token: string,
  lock: boolean,
): Promise<FeedbackInvitationEntity | null> {
  if (!isWellFormedSurveyToken(token)) return null;
  const hash = surveyTokenHash(token);
  return manager.findOne(FeedbackInvitationEntity, {
    where: [{ tokenHash: hash }, { reminderTokenHash: hash }],
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
}
