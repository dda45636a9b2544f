/**
 * term.overdue — emitted by outcome-tracking's deadline scan (actor `system:outcome-tracking`)
 * when a term passed its due date unfulfilled; the mediator is reminded. Consumed by
 * referral-intake and audit-ledger.
 * Aggregate: agreement (a term lives inside its agreement).
 */
import { IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsIsoDate } from '../common';

export class TermOverdueData {
  @IsUUID() agreementId: string;
  @IsUUID() termId: string;
  @IsIsoDate() dueBy: string;
}

export const TermOverdue = defineEvent({
  type: 'term.overdue',
  version: 1,
  topic: Topics.outcome,
  aggregateType: 'agreement',
  referralScoped: true,
  schema: TermOverdueData,
});
