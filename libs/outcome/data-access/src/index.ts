export { OUTCOME_DATABASE } from './lib/outcome-database';
export { OfficeEntity } from './lib/entities/office.entity';
export { PartnerEntity } from './lib/entities/partner.entity';
export { MediatorEntity } from './lib/entities/mediator.entity';
export { ReferralEntity } from './lib/entities/referral.entity';
export { ParticipantEntity } from './lib/entities/participant.entity';
export { ConsentEntity } from './lib/entities/consent.entity';
export { OfferEntity } from './lib/entities/offer.entity';
export { CASE_PHASES, CaseEntity, type CasePhase } from './lib/entities/case.entity';
export { CaseMediatorEntity } from './lib/entities/case-mediator.entity';
export { AgreementEntity } from './lib/entities/agreement.entity';
export { TermEntity } from './lib/entities/term.entity';
export { TermProgressEntity } from './lib/entities/term-progress.entity';
export { FollowUpEntity, type FollowUpStatus } from './lib/entities/follow-up.entity';
export { termColumns, termFromRow } from './lib/term-mapping';
export { loadReferralFacts } from './lib/queries/referral-facts.query';
export { outcomeTallies } from './lib/queries/outcome-tallies.query';
export { eligibleNotReferredOfYear, equityPeopleOfYear, type EquityPersonRow } from './lib/queries/equity-facts.query';
export { claimDueFollowUps, dueFollowUpsOfOffice, lockFollowUp } from './lib/queries/follow-up.query';
export { feedbackOfQuarters, recordFeedbackOptOut, surveyReminderCandidates } from './lib/queries/feedback.query';
export {
  eligibleNotReferredOfOffice,
  publicationOptIns,
  recordEligibleNotReferred,
  setPublicationOptIn,
} from './lib/queries/office-supplied.query';
export {
  agreementOfCase,
  consentsOfReferral,
  outcomeNoticesOwed,
  termsOfAgreement,
} from './lib/queries/outcome-view.query';
export { overdueTermCandidates } from './lib/queries/term.query';
export { optedInJurisdictions, referralsSubmittedInYear, storePublishedReport } from './lib/queries/transparency.query';
export { PublicationOptInEntity, PublishedReportEntity } from './lib/entities/publication.entity';
export { FeedbackAnswerEntity, FeedbackInvitationEntity, FeedbackOptOutEntity } from './lib/entities/feedback.entity';
export { JurisdictionSettingEntity } from './lib/entities/jurisdiction-setting.entity';
export { EligibleNotReferredEntity, SelfDeclarationEntity } from './lib/entities/equity-monitoring.entity';
