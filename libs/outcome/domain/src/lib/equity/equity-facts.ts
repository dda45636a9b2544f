import type { SelfDeclaration } from './self-declaration';

/**
 * One person on one referral, as the equity figures count them (docs/metrics.md, Equity of
 * access). Attributes are those the referral carried; `null` where the referral came before
 * outcome-tracking kept them. Special-category data (ethnicity, gender, disability) is only
 * what the person declared themselves for equity monitoring, decrypted for the count alone.
 */
export interface PersonFacts {
  jurisdiction: string;
  source: string;
  offenceCategory: string | null;
  /** `referral.submitted` occurredAt: the period the person counts in. */
  submittedAt: string;
  role: string;
  preferredLanguage: string | null;
  interpreter: boolean | null;
  minor: boolean | null;
  /** What the person self-declared for equity monitoring; null when they declared nothing. */
  declared: SelfDeclaration | null;
  reached: StagesReached;
}

export const EQUITY_STAGES = [
  'referred',
  'screenedEligible',
  'offered',
  'accepted',
  'dialogueHeld',
  'completed',
] as const;
export type EquityStage = (typeof EQUITY_STAGES)[number];

export type StagesReached = Record<EquityStage, boolean>;

/** The referral's milestones, as outcome-tracking keeps them, turned into the stages reached. */
export function stagesReached(referral: {
  screenedEligible: boolean;
  offered: boolean;
  accepted: boolean;
  dialogueHeld: boolean;
  completed: boolean;
}): StagesReached {
  // An offer is only ever made for an eligible referral, whatever the record of its screening.
  const offered = referral.offered || referral.accepted;
  return {
    referred: true,
    screenedEligible: referral.screenedEligible || offered,
    offered,
    accepted: referral.accepted,
    dialogueHeld: referral.dialogueHeld,
    completed: referral.completed,
  };
}
