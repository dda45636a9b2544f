/**
 * session.cancelled — emitted by mediation-scheduling when a mediator cancels a session, or the
 * platform does (participation withdrawn, risk stop, case concluded, referral withdrawn); its
 * reminders are cancelled. Consumed by audit-ledger. Aggregate: session.
 */
import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { SESSION_CANCEL_REASON_CODES, type SessionCancelReasonCode } from '../vocabulary';

export class SessionCancelledData {
  @IsUUID() sessionId: string;
  @IsUUID() caseId: string;
  @IsIn(SESSION_CANCEL_REASON_CODES) reasonCode: SessionCancelReasonCode;
}

export const SessionCancelled = defineEvent({
  type: 'session.cancelled',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'session',
  referralScoped: true,
  schema: SessionCancelledData,
});
