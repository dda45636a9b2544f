import { RuleViolation } from '@rj/shared/contracts';
import { addDays, type LocalDate } from './local-day';
import type { PracticeThresholds } from './practice-thresholds';
import type { BackgroundCheckKind, CredentialKind } from './practice-vocabulary';

/**
 * A mediator's practice as the assignment rules see it (issue 22): verified records only
 * count, each until the end of its expiry day in the jurisdiction. Days are `YYYY-MM-DD` in
 * the jurisdiction's time zone (local-day.ts), so the rules stay pure.
 */
export interface CredentialFact {
  readonly kind: CredentialKind;
  readonly hours: number | null;
  readonly expiresOn: LocalDate | null;
  /** Offence categories the credential qualifies for (specialist credentials). */
  readonly categories: readonly string[];
  /** The day a platform admin verified it; null: recorded, not verified, does not count. */
  readonly verifiedOn: LocalDate | null;
}

export interface BackgroundCheckFact {
  readonly kind: BackgroundCheckKind;
  readonly expiresOn: LocalDate | null;
  readonly verifiedOn: LocalDate | null;
}

export interface PractitionerFacts {
  readonly credentials: readonly CredentialFact[];
  readonly backgroundChecks: readonly BackgroundCheckFact[];
  /** The latest supervision session held, if any. */
  readonly lastSupervisionOn: LocalDate | null;
  /** Cases done as co-facilitator: recorded ones and cases concluded on the platform. */
  readonly coFacilitatedCases: number;
  /** Open cases the mediator is proposed for or assigned to (a conflicted one does not count). */
  readonly openCaseload: number;
}

/** What the case asks of whoever is proposed. */
export interface ProposalContext {
  /** A party of the case is a minor: a youth credential and a barred-list check are needed. */
  readonly minorInvolved: boolean;
  /** Another mediator already on the case (not conflicted) may lead it. */
  readonly experiencedLeadOnCase: boolean;
}

export interface PractitionerProblem {
  readonly rule: string;
  /** The unmet rule in words a partner administrator can act on. */
  readonly message: string;
}

/** A record counts when verified and its expiry day has not passed (the expiry day itself counts). */
export function countsOn(
  record: { expiresOn: LocalDate | null; verifiedOn: LocalDate | null },
  today: LocalDate,
): boolean {
  return record.verifiedOn !== null && (record.expiresOn === null || record.expiresOn >= today);
}

export function validCredentials(
  facts: Pick<PractitionerFacts, 'credentials'>,
  kind: CredentialKind,
  today: LocalDate,
): CredentialFact[] {
  return facts.credentials.filter((credential) => credential.kind === kind && countsOn(credential, today));
}

function hoursOf(credentials: readonly CredentialFact[]): number {
  return credentials.reduce((sum, credential) => sum + (credential.hours ?? 0), 0);
}

/** Whether the mediator holds a valid specialist credential that qualifies for `category`. */
export function holdsSpecialistCredential(
  facts: Pick<PractitionerFacts, 'credentials'>,
  category: string,
  today: LocalDate,
): boolean {
  return validCredentials(facts, 'specialist_dv_sv', today).some((credential) =>
    credential.categories.includes(category),
  );
}

/** The first verification starts the supervision clock (issue 22): the earliest verified credential. */
export function supervisionClockStart(facts: Pick<PractitionerFacts, 'credentials'>): LocalDate | null {
  const days = facts.credentials
    .map((credential) => credential.verifiedOn)
    .filter((day): day is LocalDate => day !== null);
  return days.length === 0 ? null : days.sort()[0];
}

export type SupervisionState = 'not_started' | 'current' | 'in_grace' | 'overdue';

export interface SupervisionStanding {
  readonly state: SupervisionState;
  /** The day the next supervision is due; null before the clock starts. */
  readonly dueOn: LocalDate | null;
  /** The last day a mediator may still be proposed without it. */
  readonly graceEndsOn: LocalDate | null;
}

/**
 * RJC Practitioner Code C: case supervision at least every `supervisionIntervalDays`, counted
 * from the last session or, before the first one, from the first verification. A mediator is
 * still proposable for `supervisionGraceDays` after the due day, and overdue the day after.
 */
export function supervisionStanding(
  facts: PractitionerFacts,
  thresholds: PracticeThresholds,
  today: LocalDate,
): SupervisionStanding {
  const start =
    [facts.lastSupervisionOn, supervisionClockStart(facts)]
      .filter((day): day is LocalDate => day !== null)
      .sort()
      .at(-1) ?? null;
  if (start === null) return { state: 'not_started', dueOn: null, graceEndsOn: null };
  const dueOn = addDays(start, thresholds.supervisionIntervalDays);
  const graceEndsOn = addDays(dueOn, thresholds.supervisionGraceDays);
  const state: SupervisionState = today <= dueOn ? 'current' : today <= graceEndsOn ? 'in_grace' : 'overdue';
  return { state, dueOn, graceEndsOn };
}

/** Whether the mediator has co-facilitated enough cases to lead one. */
export function mayLead(facts: Pick<PractitionerFacts, 'coFacilitatedCases'>, thresholds: PracticeThresholds): boolean {
  return facts.coFacilitatedCases >= thresholds.coFacilitatedCasesBeforeLead;
}

/**
 * Every rule a new proposal of this mediator does not meet, in a stable order, each in words.
 * Applies to new proposals only: nobody is removed from a case they carry.
 */
export function practitionerProblems(
  facts: PractitionerFacts,
  context: ProposalContext,
  thresholds: PracticeThresholds,
  today: LocalDate,
): PractitionerProblem[] {
  const problems: PractitionerProblem[] = [];
  const basicHours = hoursOf(validCredentials(facts, 'basic_mediation', today));
  if (basicHours < thresholds.minBasicMediationHours) {
    problems.push({
      rule: 'basic_mediation_training',
      message: `This mediator has ${basicHours} of the ${thresholds.minBasicMediationHours} hours of verified, unexpired basic mediation training required.`,
    });
  }
  const restorative = validCredentials(facts, 'restorative_justice', today);
  if (restorative.length === 0 || hoursOf(restorative) < thresholds.minRestorativeJusticeHours) {
    problems.push({
      rule: 'restorative_justice_training',
      message: `This mediator has no verified, unexpired restorative-justice training of at least ${thresholds.minRestorativeJusticeHours} hours.`,
    });
  }
  if (!facts.backgroundChecks.some((check) => check.kind === 'criminal_record' && countsOn(check, today))) {
    problems.push({
      rule: 'background_check',
      message: 'This mediator has no verified background check that is still valid.',
    });
  }
  if (context.minorInvolved) {
    if (validCredentials(facts, 'youth', today).length === 0) {
      problems.push({
        rule: 'youth_credential',
        message: 'A party is a minor, and this mediator has no verified, unexpired youth credential.',
      });
    }
    if (!facts.backgroundChecks.some((check) => check.kind === 'barred_list_children' && countsOn(check, today))) {
      problems.push({
        rule: 'barred_list_check',
        message:
          'A party is a minor, and this mediator has no verified barred-list check for work with young people that is still valid.',
      });
    }
  }
  const supervision = supervisionStanding(facts, thresholds, today);
  if (supervision.state === 'overdue') {
    problems.push({
      rule: 'supervision_overdue',
      message: `This mediator's supervision was due on ${supervision.dueOn} and the ${thresholds.supervisionGraceDays} days' grace ended on ${supervision.graceEndsOn}; record a supervision session first.`,
    });
  }
  if (facts.openCaseload >= thresholds.caseloadCap) {
    problems.push({
      rule: 'caseload_cap',
      message: `This mediator already carries ${facts.openCaseload} open cases; the most allowed is ${thresholds.caseloadCap}.`,
    });
  }
  if (!mayLead(facts, thresholds) && !context.experiencedLeadOnCase) {
    problems.push({
      rule: 'co_facilitation_required',
      message: `This mediator has co-facilitated ${facts.coFacilitatedCases} of the ${thresholds.coFacilitatedCasesBeforeLead} cases needed to lead one; propose an experienced mediator for this case first, then this one as co-facilitator.`,
    });
  }
  return problems;
}

/** 409 with every unmet rule in words (`unmet` lists their codes) when the mediator may not be proposed. */
export function assertPractitionerMayBeProposed(
  facts: PractitionerFacts,
  context: ProposalContext,
  thresholds: PracticeThresholds,
  today: LocalDate,
): void {
  const problems = practitionerProblems(facts, context, thresholds, today);
  if (problems.length === 0) return;
  throw new RuleViolation(
    'practitioner_requirements_unmet',
    `This mediator cannot be proposed for this case. ${problems.map((problem) => problem.message).join(' ')}`,
    problems.map((problem) => problem.rule),
  );
}
