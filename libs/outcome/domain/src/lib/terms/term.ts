import type { TermKind, TermRecipient } from '@rj/shared/contracts';
import type { IsoDate } from '../calendar-date';
import type { Money } from '../money';

/** The kinds and recipients are the contracts' vocabulary (product.md, step 7). */
export type { TermKind } from '@rj/shared/contracts';
export type RestitutionRecipient = TermRecipient;

/** A term as the mediator submits it (api.md `POST /api/cases/{id}/agreement`). */
export interface TermInput {
  kind: TermKind;
  dueBy: IsoDate;
  amount?: Money;
  instalments?: number;
  recipient?: RestitutionRecipient;
  hours?: number;
}

export interface AgreementInput {
  terms: readonly TermInput[];
  consentedBy: readonly string[];
}

interface TermCommon {
  id: string;
  dueBy: IsoDate;
  fulfilled: boolean;
  /** Set once `term.overdue` was raised for the current due date; an amendment clears it. */
  overdueFlagged: boolean;
}

export interface RestitutionTerm extends TermCommon {
  kind: 'restitution';
  amount: Money;
  instalments?: number;
  recipient: RestitutionRecipient;
  paid: Money;
}

export interface CommunityServiceTerm extends TermCommon {
  kind: 'community_service';
  hours: number;
  hoursDone: number;
}

/** Apology letter, programme attendance, other: fulfilled by being recorded as done. */
export interface CompletionTerm extends TermCommon {
  kind: 'apology_letter' | 'programme' | 'other';
}

export type Term = RestitutionTerm | CommunityServiceTerm | CompletionTerm;

/** A validation problem in api.md's `errors[]` shape. */
export interface Problem {
  field: string;
  message: string;
}
