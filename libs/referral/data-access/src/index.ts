export { REFERRAL_DATABASE } from './lib/referral-database';
export { type ContactRow, type RepresentativeRow, type ScreeningReasonRow } from './lib/entities/row-types';
export { OfficeEntity } from './lib/entities/office.entity';
export { OfficeStaffMemberEntity, OfficeStaffTrainingEntity } from './lib/entities/office-staff.entity';
export { DataKeyEntity } from './lib/entities/data-key.entity';
export { ScreeningPolicyEntity } from './lib/entities/screening-policy.entity';
export { ReferralEntity } from './lib/entities/referral.entity';
export { PartyEntity } from './lib/entities/party.entity';
export { ReferralStatusChangeEntity } from './lib/entities/referral-status-change.entity';
export { SharingConsentEntity } from './lib/entities/sharing-consent.entity';
export { AgreementTermEntity } from './lib/entities/agreement-term.entity';
export { IdempotencyKeyEntity } from './lib/entities/idempotency-key.entity';
export { ReviewOverrideRequestEntity } from './lib/entities/review-override-request.entity';
export {
  isSubmissionContextChanged,
  submissionStatement,
  SUBMISSION_CONTEXT_CHANGED,
  type AlongsideWrite,
  type SubmissionStatementOptions,
  type SubmittedReferralRows,
} from './lib/repositories/submitted-referral.writer';
export {
  INSERT_SUBMITTED_REFERRALS_SQL,
  insertSubmittedReferrals,
} from './lib/repositories/submitted-referrals-batch.writer';
export {
  lockReferral,
  partiesOf,
  recordStatusChange,
  statusHistoryOf,
  type StatusChange,
} from './lib/repositories/referral.repository';
export { loadSubmissionContext, type SubmissionContext } from './lib/repositories/submission-context.repository';
export { JurisdictionSettingsEntity } from './lib/entities/jurisdiction-settings.entity';
