/**
 * mediator.practice_verified — emitted by mediation-scheduling when a platform admin verifies a
 * mediator's credential, background check or language: from then on it counts for proposals
 * until its expiry day ends. Ids, codes and dates only. Consumed by partner-matching (a
 * verified specialist credential lets the partner take overridden domestic or sexual violence
 * referrals) and audit-ledger.
 * Aggregate: mediator (keyed by the mediator's `sub`; belongs to no referral).
 */
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { MediatorPracticeItem } from './mediator-practice-recorded.event';

/** The record verified, as it was recorded (a practice entry is never verified, so no heldOn). */
export class MediatorPracticeVerifiedData extends MediatorPracticeItem {}

export const MediatorPracticeVerified = defineEvent({
  type: 'mediator.practice_verified',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'mediator',
  referralScoped: false,
  schema: MediatorPracticeVerifiedData,
});
