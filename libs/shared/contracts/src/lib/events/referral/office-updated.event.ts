/**
 * office.updated — emitted by referral-intake when an admin changes an office. Carries the whole
 * new state (not a diff), so a consumer that missed an update still ends up right.
 * Consumed by outcome-tracking and audit-ledger. Aggregate: office (no referral).
 */
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { OfficeRegisteredData } from './office-registered.event';

/** The whole office as it now is: the same fields, rules and wire shape as office.registered. */
export class OfficeUpdatedData extends OfficeRegisteredData {}

export const OfficeUpdated = defineEvent({
  type: 'office.updated',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'office',
  referralScoped: false,
  schema: OfficeUpdatedData,
});
