import { ApiRefused } from '../../platform/api-client';

/** The rule mediation-scheduling names when a mediator's credentials or practice fall short (issue 22). */
const PRACTICE_RULE = 'practitioner_requirements_unmet';

/** Whether a proposal was refused for the mediator's credentials or practice, which their record page puts right. */
export function refusedForPractice(error: unknown): boolean {
  return (
    error instanceof ApiRefused &&
    error.problem.status === 409 &&
    (error.problem as { rule?: unknown }).rule === PRACTICE_RULE
  );
}
