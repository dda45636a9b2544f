import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  feedbackReleaseBlocks,
  formatPeriod,
  periodOfDate,
  surveyItems,
  surveyLinkState,
  validSurveyAnswers,
  dateOfInstant,
  type FeedbackReleaseBlock,
  type FeedbackReleaseFacts,
  type FeedbackSurvey,
  type SurveyLinkState,
} from '@rj/outcome/domain';
import {
  CaseEntity,
  ConsentEntity,
  FeedbackAnswerEntity,
  FeedbackInvitationEntity,
  FeedbackOptOutEntity,
  recordFeedbackOptOut,
  ParticipantEntity,
  ReferralEntity,
} from '@rj/outcome/data-access';
import type { Principal } from '@rj/shared/auth';
import { DomainError, NotFound, RuleViolation, uuidv7 } from '@rj/shared/contracts';
import { lastChannelConfirmation, participantMessageLanguage } from '@rj/shared/notifications';
import { withTransaction } from '@rj/shared/persistence';
import { Clock } from '@rj/shared/service';
import { caseForMediator } from '../agreements/case-access';
import { SurveyMailer } from './survey-mailer';
import { invitationOfToken } from './survey-invitations';
import { newSurveyToken, surveyTokenHash } from './survey-token';

/** A link that no longer opens a survey: the page says what happened; nothing is stored. */
export class SurveyLinkClosed extends DomainError {
  readonly status = 410 as const;
  readonly title = 'Survey link closed';
  constructor(readonly state: SurveyLinkState) {
    super(`this survey link is ${state}`, { state });
  }
}

const SURVEY_LANGUAGES = ['en', 'es'] as const;

/**
 * The language of a participant's invitation and survey page: the participants' catalogue's rule
 * (their own, English without an interpreter, else none), among the languages the survey's
 * questions are written in.
 */
function surveyLanguageOf(participant: ParticipantEntity): string | null {
  const language = participantMessageLanguage(participant);
  return language && (SURVEY_LANGUAGES as readonly string[]).includes(language) ? language : null;
}

/**
 * Participants' feedback (issue 20): the assigned mediator releases each survey, the platform
 * refuses while anything blocks it (feedbackReleaseBlocks), the participant answers once
 * through a single-use link, and the answers are stored apart from everyone.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: SurveyMailer,
    private readonly clock: Clock,
  ) {}

  /** What the release rules judge, for one participant and survey (the reminder's scan judges it again). */
  async facts(
    manager: EntityManager,
    kase: CaseEntity,
    participant: ParticipantEntity,
    survey: FeedbackSurvey,
  ): Promise<FeedbackReleaseFacts> {
    const referral = await manager.findOneByOrFail(ReferralEntity, { id: kase.referralId });
    const consents = await manager.find(ConsentEntity, { where: { referralId: kase.referralId } });
    const decision = (byGuardian: boolean) =>
      (consents.find(
        (c) => c.participantId === participant.id && c.purpose === 'feedback' && c.byGuardian === byGuardian,
      )?.decision ?? null) as FeedbackReleaseFacts['feedbackConsent'];
    const participationWithdrawn = consents.some((c) => c.purpose === 'participation' && c.decision === 'withdrawn');
    const confirmedAt = lastChannelConfirmation(kase.openedAt ?? referral.submittedAt, participant.channelConfirmedAt);
    return {
      survey,
      role: participant.role as 'harmed' | 'responsible',
      // Unknown age (a referral kept before ages were) is treated as a minor's: a guardian must agree too.
      minor: participant.minor !== false,
      feedbackConsent: decision(false),
      guardianFeedbackConsent: decision(true),
      withdrawn: referral.withdrawnAt !== null || participationWithdrawn || kase.status === 'withdrawn',
      riskStop: kase.riskStop,
      disclosure: kase.disclosure,
      // No event tells outcome-tracking of a protective order made after the referral yet.
      newProtectiveOrder: false,
      safeChannels: participant.email ? participant.safeChannels : [],
      channelConfirmedAt: confirmedAt.toISOString(),
      caseResult: kase.status === 'completed' ? 'completed' : kase.status === 'returned' ? 'returned' : null,
      lastDialogueAt: kase.lastDialogueAt?.toISOString() ?? null,
      termsCompletedAt: kase.status === 'completed' ? (kase.resultAt?.toISOString() ?? null) : null,
      alreadyReleased: await manager.existsBy(FeedbackInvitationEntity, { participantId: participant.id, survey }),
      askedNotToBeSurveyed: await manager.existsBy(FeedbackOptOutEntity, { participantId: participant.id }),
      messageLanguage: surveyLanguageOf(participant),
    };
  }

  private async participantOf(
    manager: EntityManager,
    kase: CaseEntity,
    participantId: string,
  ): Promise<ParticipantEntity> {
    const participant = await manager.findOneBy(ParticipantEntity, { id: participantId, referralId: kase.referralId });
    if (!participant) throw new NotFound('participant not found on this case');
    return participant;
  }

  /** Per participant and survey: what still blocks a release, or that it went. */
  async status(principal: Principal, caseId: string) {
    const manager = this.dataSource.manager;
    const kase = await caseForMediator(manager, principal, caseId, false);
    const participants = await manager.find(ParticipantEntity, {
      where: { referralId: kase.referralId },
      order: { position: 'ASC' },
    });
    const now = this.clock.now();
    const items = [];
    for (const participant of participants) {
      for (const survey of ['first', 'second'] as const) {
        const released = await manager.findOneBy(FeedbackInvitationEntity, { participantId: participant.id, survey });
        items.push({
          participantId: participant.id,
          role: participant.role,
          survey,
          releasedAt: released?.releasedAt.toISOString() ?? null,
          blocks: released ? [] : feedbackReleaseBlocks(await this.facts(manager, kase, participant, survey), now),
        });
      }
    }
    return { items };
  }

  async release(principal: Principal, caseId: string, participantId: string, survey: FeedbackSurvey) {
    const result = await withTransaction(this.dataSource, async (manager) => {
      const kase = await caseForMediator(manager, principal, caseId);
      const participant = await this.participantOf(manager, kase, participantId);
      const facts = await this.facts(manager, kase, participant, survey);
      const now = this.clock.now();
      const blocks: FeedbackReleaseBlock[] = feedbackReleaseBlocks(facts, now);
      if (blocks.length)
        throw new RuleViolation(
          'feedback_release_blocked',
          `the survey cannot be released: ${blocks.join(', ')}`,
          blocks,
        );
      const referral = await manager.findOneByOrFail(ReferralEntity, { id: kase.referralId });
      const token = newSurveyToken();
      // Not null once nothing blocks (no_message_in_language).
      const language = facts.messageLanguage as (typeof SURVEY_LANGUAGES)[number];
      const invitation: FeedbackInvitationEntity = {
        id: uuidv7(),
        caseId,
        participantId,
        survey,
        releasedBy: principal.sub,
        releasedAt: now,
        tokenHash: surveyTokenHash(token),
        usedAt: null,
        role: participant.role,
        partnerId: kase.partnerId,
        jurisdiction: referral.jurisdiction,
        period: formatPeriod(periodOfDate(dateOfInstant(now), 'quarter')),
        minor: facts.minor,
        language,
        agreementReached: kase.agreementReached === true,
      };
      await manager.insert(FeedbackInvitationEntity, invitation);
      await this.mailer.queue(manager, 'invitation', invitation, participant, token);
      return { id: invitation.id, participantId, survey, releasedAt: now.toISOString() };
    });
    return result;
  }

  private async openInvitation(
    manager: EntityManager,
    token: string,
    lock: boolean,
  ): Promise<FeedbackInvitationEntity> {
    const invitation = await invitationOfToken(manager, token, lock);
    const state = surveyLinkState(
      invitation && { issuedAt: invitation.releasedAt.toISOString(), usedAt: invitation.usedAt?.toISOString() ?? null },
      this.clock.now(),
    );
    if (state === 'unknown') throw new NotFound('no survey at this address');
    if (state !== 'open' || !invitation) throw new SurveyLinkClosed(state);
    return invitation;
  }

  /**
   * "Stop asking me" (issue 20): the participant behind any link we sent — open, used or expired —
   * gets no further survey mail or reminder. Kept by participant id alone; saying it twice is saying it once.
   */
  async stop(token: string): Promise<void> {
    await withTransaction(this.dataSource, async (manager) => {
      const invitation = await invitationOfToken(manager, token, false);
      if (!invitation) throw new NotFound('no survey at this address');
      await recordFeedbackOptOut(manager, invitation.participantId, this.clock.now());
    });
  }

  /** The survey behind a link, in the participant's language; reading it stores nothing. */
  async survey(token: string) {
    const invitation = await this.openInvitation(this.dataSource.manager, token, false);
    const version = invitation.minor ? 'minor' : 'adult';
    const language = invitation.language as 'en' | 'es';
    const items = surveyItems({
      survey: invitation.survey as FeedbackSurvey,
      role: invitation.role as 'harmed' | 'responsible',
      agreementReached: invitation.agreementReached,
    });
    return {
      survey: invitation.survey,
      language,
      version,
      items: items.map((item) => ({ id: item.id, text: item.text[language][version] })),
    };
  }

  /**
   * Stores the answers with role, partner, jurisdiction and quarter only — no reference to the
   * invitation, the participant or the case — and closes the link, in one transaction.
   */
  async answer(token: string, answers: Record<string, unknown>): Promise<void> {
    await withTransaction(this.dataSource, async (manager) => {
      const invitation = await this.openInvitation(manager, token, true);
      const shape = {
        survey: invitation.survey as FeedbackSurvey,
        role: invitation.role as 'harmed' | 'responsible',
        agreementReached: invitation.agreementReached,
      };
      const valid = validSurveyAnswers(shape, answers);
      if (!valid.ok) throw new RuleViolation('survey_answers_invalid', valid.problems.join('; '));
      await manager.insert(FeedbackAnswerEntity, {
        id: randomUUID(),
        survey: invitation.survey,
        role: invitation.role,
        partnerId: invitation.partnerId,
        jurisdiction: invitation.jurisdiction,
        period: invitation.period,
        answers: valid.answers,
      });
      await manager.update(FeedbackInvitationEntity, { id: invitation.id }, { usedAt: this.clock.now() });
    });
  }
}
