import { ApiRefused, ApiUnavailable } from '../../platform/api-client';
import { formErrors, unavailableErrors, type FormErrors } from './form-errors';

/** How a form's page answers a refused or failed save: the status to send and the errors to show. */
export interface FormFailure {
  status: number;
  errors: FormErrors;
}

// A refusal the form can explain: invalid fields, a rule (409) or a state the service will not
// accept. 403 and 404 are not: they are the not-found page, as for anything not one's own.
const EXPLAINED = new Set([400, 409, 422]);

/**
 * The form's answer to a failed call, or undefined when the failure is not the form's to
 * explain (the global filter then shows the right page). The form is re-rendered from the
 * request, so nothing typed is lost either way.
 */
export function explainFailure(
  error: unknown,
  labels: Record<string, string>,
  options: { fallbackId: string; controls?: Record<string, string> },
): FormFailure | undefined {
  if (error instanceof ApiRefused && EXPLAINED.has(error.problem.status)) {
    return {
      status: error.problem.status,
      errors: formErrors(error.problem.errors, labels, {
        detail: error.problem.detail ?? error.problem.title,
        ...options,
      }),
    };
  }
  if (error instanceof ApiUnavailable)
    return { status: 503, errors: unavailableErrors(error.correlationId, options.fallbackId) };
  return undefined;
}
