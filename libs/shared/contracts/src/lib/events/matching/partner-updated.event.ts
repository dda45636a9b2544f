/**
 * partner.updated — emitted by partner-matching when a profile changes (admin or the partner's
 * own partner_admin): the whole new state, not a diff. Consumed by mediation-scheduling,
 * outcome-tracking and audit-ledger.
 * Aggregate: partner (keyed by the partner id; belongs to no referral).
 */
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { PartnerRegisteredData } from './partner-registered.event';

/** The whole profile as it now is: the same fields, rules and wire shape as partner.registered. */
export class PartnerUpdatedData extends PartnerRegisteredData {}

export const PartnerUpdated = defineEvent({
  type: 'partner.updated',
  version: 1,
  topic: Topics.matching,
  aggregateType: 'partner',
  referralScoped: false,
  schema: PartnerUpdatedData,
});
