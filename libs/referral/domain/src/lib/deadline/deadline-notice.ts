/** What the office's contact is told about a referral at risk of missing its report-back date. */
export interface DeadlineNoticeInput {
  referralId: string;
  jurisdiction: string;
  offenseCode: string;
  reportBackBy: string;
  /** Whole days left; 0 or less once the day has come. */
  daysLeft: number;
}

export interface Notice {
  subject: string;
  body: string;
}

/**
 * product.md, Timeliness without pressure: cases at risk of missing the deadline "are flagged
 * to the prosecutor, never pushed onto the parties". The mail goes to the office's work
 * address and names the referral by its id and codes only: no party's name, no case number
 * (which identifies a person), nothing of what was said.
 */
export function deadlineAtRiskNotice(input: DeadlineNoticeInput): Notice {
  const when =
    input.daysLeft > 1
      ? `in ${input.daysLeft} days`
      : input.daysLeft === 1
        ? 'tomorrow'
        : input.daysLeft === 0
          ? 'today'
          : 'already past';
  return {
    subject: `Report-back deadline at risk: referral ${input.referralId}`,
    body: [
      `Referral ${input.referralId} (jurisdiction ${input.jurisdiction}, offence ${input.offenseCode}) is still open.`,
      `Its report-back date is ${input.reportBackBy} (${when}).`,
      'You can see its status in the platform and extend the report-back date there if the process needs more time.',
    ].join('\n'),
  };
}

/** `referral.deadline_at_risk` carries whole days left, 0 once the day has come or passed. */
export function daysLeftForEvent(daysLeft: number): number {
  return Math.max(0, daysLeft);
}
