import { daysBetween, utcDateOf } from '../dates';
import { isOpen } from '../status/referral-status';
import type { ReferralStatus } from '../vocabulary';

/**
 * product.md, Timeliness without pressure: "cases at risk of missing [the report-back
 * deadline] are flagged to the prosecutor, never pushed onto the parties". Only a referral
 * still on its way can miss it; one that came back (or was withdrawn) has nothing to report
 * late. A deadline already passed is at risk too.
 */
export function isDeadlineAtRisk(reportBackBy: string, now: Date, daysBefore: number, status: ReferralStatus): boolean {
  if (!isOpen(status)) return false;
  return daysLeft(reportBackBy, now) <= daysBefore;
}

/** Whole days from today (UTC) to the deadline; 0 on its own day, negative once passed. */
export function daysLeft(reportBackBy: string, now: Date): number {
  return daysBetween(utcDateOf(now), reportBackBy);
}

/**
 * The latest report-back date that is at risk today: an open referral whose `reportBackBy` is
 * on or before it (overdue ones included) is flagged, as isDeadlineAtRisk says one by one.
 */
export function deadlineRiskCutoff(now: Date, daysBefore: number): string {
  return utcDateOf(new Date(Date.parse(`${utcDateOf(now)}T00:00:00Z`) + daysBefore * 86_400_000));
}
