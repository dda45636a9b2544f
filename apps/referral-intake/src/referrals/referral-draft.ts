import type { SubmissionContext, SubmittedReferralRows } from '@rj/referral/data-access';
import { decidedByDefaultPolicy, nextReferralStatus, screenReferral } from '@rj/referral/domain';
import type { Principal } from '@rj/shared/auth';
import { ReferralScreened, uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import type { KeyStore } from '../key-store/key-store';
import { policyOf } from '../screening/screening-policies.service';
import type { CreateReferralDto } from './dto/create-referral.dto';
import { prepareReferral, referralRows } from './prepared-referral';
import { screeningView, type SubmittedReferralView } from './referral-views';
import { submissionEvents } from './submission-events';

/** A referral ready to write: its rows, its two events and the answer its submitter gets. */
export interface ReferralDraft {
  referralId: string;
  rows: SubmittedReferralRows;
  events: [EventEnvelope, EventEnvelope];
  view: SubmittedReferralView;
}

/**
 * Screens a valid referral under its jurisdiction's policy, mints its ids and data key and
 * encrypts its personal data: everything a submission does before it writes. One place for the
 * single submission and the bulk import, so both store and announce a referral the same way.
 */
export function draftReferral(
  dto: CreateReferralDto,
  facts: { principal: Principal; context: SubmissionContext; keys: KeyStore; caseNumberIndex: string; now: Date },
): ReferralDraft {
  const { principal, context, now } = facts;
  const referralId = uuidv7(now.getTime());
  const decision = screenReferral(dto, policyOf(context.policy));
  const key = facts.keys.newDataKey(referralId, now.getTime());
  const prepared = prepareReferral(dto, { referralId, officeId: context.officeId, key, decision, now });
  const [submitted, screened] = submissionEvents(principal, prepared);
  const status = nextReferralStatus('submitted', ReferralScreened.type, { outcome: decision.outcome });
  const rows = referralRows(prepared, key, facts.caseNumberIndex, principal, status, [
    { status: 'submitted', at: now.toISOString(), cause: submitted.type, event_id: submitted.id },
    { status, at: now.toISOString(), cause: screened.type, event_id: screened.id },
  ]);
  const view = {
    id: referralId,
    status,
    screening: screeningView(decision, dto.jurisdiction, decidedByDefaultPolicy(decision)),
  };
  return { referralId, rows, events: [submitted, screened], view };
}
