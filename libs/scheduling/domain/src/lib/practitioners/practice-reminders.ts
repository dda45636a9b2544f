import { addDays, type LocalDate } from './local-day';
import type { PracticeThresholds } from './practice-thresholds';
import { supervisionStanding, type PractitionerFacts } from './practitioner-standing';

/** Credentials and checks expiring within this many days are announced to the partner admin. */
export const EXPIRY_REMINDER_DAYS = 60;
/** Supervision due within this many days is announced to the partner admin. */
export const SUPERVISION_REMINDER_DAYS = 14;

export interface ExpiringRecord {
  readonly recordId: string;
  readonly expiresOn: LocalDate | null;
  readonly verifiedOn: LocalDate | null;
}

export type PracticeReminder =
  | { readonly kind: 'record_expiring'; readonly recordId: string; readonly expiresOn: LocalDate }
  | { readonly kind: 'supervision_due'; readonly dueOn: LocalDate };

/**
 * What the partner admin is told about one mediator today (issue 22): each verified record
 * whose expiry day falls within the next 60 days (today included, not yet past), and
 * supervision due within 14 days or already due. Participants are told nothing of it.
 */
export function practiceReminders(
  records: readonly ExpiringRecord[],
  facts: PractitionerFacts,
  thresholds: PracticeThresholds,
  today: LocalDate,
): PracticeReminder[] {
  const horizon = addDays(today, EXPIRY_REMINDER_DAYS);
  const reminders: PracticeReminder[] = records
    .filter(
      (record) =>
        record.verifiedOn !== null &&
        record.expiresOn !== null &&
        record.expiresOn >= today &&
        record.expiresOn <= horizon,
    )
    .map((record) => ({
      kind: 'record_expiring' as const,
      recordId: record.recordId,
      expiresOn: record.expiresOn as LocalDate,
    }));
  const supervision = supervisionStanding(facts, thresholds, today);
  if (supervision.dueOn !== null && supervision.dueOn <= addDays(today, SUPERVISION_REMINDER_DAYS)) {
    reminders.push({ kind: 'supervision_due', dueOn: supervision.dueOn });
  }
  return reminders;
}
