import { ApiRefused } from '../platform/api-client';
import { describeCode } from '../messages/describe';

const EXPLAINED = new Set([400, 409, 422]);

/**
 * The service's refusal in words for the form's error summary, or undefined when it is not the
 * form's to explain (403/404 and failures go to the not-found or error page). A gate refusal
 * lists the unmet conditions by their ids, which the form turns into the checklist's words.
 */
export function refusalText(error: unknown): string | undefined {
  if (!(error instanceof ApiRefused) || !EXPLAINED.has(error.problem.status)) return undefined;
  const problem = error.problem as ApiRefused['problem'] & { rule?: string };
  const field = problem.errors?.[0];
  if (field) return `${describeField(field.field)} ${field.message}`;
  if (problem.rule === 'dialogue_gate')
    return 'The dialogue cannot be booked yet: the checklist on the case page shows what is missing.';
  if (problem.rule === 'double_booking')
    return 'You or a participant already have a session at that time. Choose another time.';
  return problem.detail ? sentence(problem.detail) : 'The service refused this. Check the details and try again.';
}

function describeField(field: string): string {
  return describeCode('gateCondition', field.split(/[.[]/)[0]) || 'This';
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
