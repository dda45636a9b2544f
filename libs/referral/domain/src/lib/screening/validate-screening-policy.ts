import { CODE_PATTERN, InvalidInput } from '@rj/shared/contracts';
import { OFFENSE_SEVERITIES, STAGES, type OffenseSeverity, type Stage } from '../vocabulary';
import type { ScreeningPolicy } from './screening-policy';

export interface PolicyProblem {
  field: string;
  message: string;
}

type Input = Record<string, unknown>;

/**
 * Policies are validated on load (conventions.md): a stored policy with an unknown stage or a
 * category both excluded and sent to review would screen silently wrong, so it is refused
 * with one problem per mistake rather than half-applied.
 */
export function validateScreeningPolicy(input: unknown): PolicyProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ field: '', message: 'a screening policy must be an object' }];
  }
  const policy = input as Input;
  const problems: PolicyProblem[] = [];
  if (
    typeof policy.jurisdiction !== 'string' ||
    !(policy.jurisdiction === '*' || CODE_PATTERN.test(policy.jurisdiction))
  ) {
    problems.push({ field: 'jurisdiction', message: "must be a jurisdiction code or '*'" });
  }
  if (!Number.isInteger(policy.version) || (policy.version as number) < 0) {
    problems.push({ field: 'version', message: 'must be a whole number, 0 or more' });
  }
  problems.push(...codeList(policy, 'excludedOffenseCategories'));
  problems.push(...codeList(policy, 'reviewOffenseCategories'));
  problems.push(...enumList(policy, 'allowedStages', STAGES));
  problems.push(...enumList(policy, 'excludedSeverities', OFFENSE_SEVERITIES));
  if (typeof policy.protectiveOrderNeedsReview !== 'boolean') {
    problems.push({ field: 'protectiveOrderNeedsReview', message: 'must be true or false' });
  }
  problems.push(...excludedAndReviewed(policy));
  return problems;
}

/** Validates and returns the policy, or throws InvalidInput (400) listing every problem. */
export function parseScreeningPolicy(input: unknown): ScreeningPolicy {
  const problems = validateScreeningPolicy(input);
  if (problems.length) throw new InvalidInput('invalid screening policy', problems);
  const policy = input as ScreeningPolicy;
  return Object.freeze({
    jurisdiction: policy.jurisdiction,
    version: policy.version,
    excludedOffenseCategories: Object.freeze([...policy.excludedOffenseCategories]),
    reviewOffenseCategories: Object.freeze([...policy.reviewOffenseCategories]),
    allowedStages: Object.freeze([...policy.allowedStages]) as readonly Stage[],
    excludedSeverities: Object.freeze([...policy.excludedSeverities]) as readonly OffenseSeverity[],
    protectiveOrderNeedsReview: policy.protectiveOrderNeedsReview,
  });
}

function codeList(policy: Input, field: string): PolicyProblem[] {
  const value = policy[field];
  if (!Array.isArray(value)) return [{ field, message: 'must be a list of offence category codes' }];
  const problems: PolicyProblem[] = value.flatMap((item, index) =>
    typeof item === 'string' && CODE_PATTERN.test(item)
      ? []
      : [{ field: `${field}[${index}]`, message: 'must be an offence category code' }],
  );
  return [...problems, ...duplicates(value, field)];
}

function enumList(policy: Input, field: string, allowed: readonly string[]): PolicyProblem[] {
  const value = policy[field];
  if (!Array.isArray(value)) return [{ field, message: `must be a list of: ${allowed.join(', ')}` }];
  const problems: PolicyProblem[] = value.flatMap((item, index) =>
    allowed.includes(item as string)
      ? []
      : [
          {
            field: `${field}[${index}]`,
            message: `unknown value ${JSON.stringify(item)}; expected one of: ${allowed.join(', ')}`,
          },
        ],
  );
  return [...problems, ...duplicates(value, field)];
}

function duplicates(values: unknown[], field: string): PolicyProblem[] {
  const seen = new Set<unknown>();
  return values.flatMap((item, index) => {
    if (!seen.has(item)) {
      seen.add(item);
      return [];
    }
    return [{ field: `${field}[${index}]`, message: `duplicate ${JSON.stringify(item)}` }];
  });
}

/** A category cannot be both excluded and sent to review: the policy would contradict itself. */
function excludedAndReviewed(policy: Input): PolicyProblem[] {
  const { excludedOffenseCategories: excluded, reviewOffenseCategories: review } = policy;
  if (!Array.isArray(excluded) || !Array.isArray(review)) return [];
  return review.flatMap((category, index) =>
    excluded.includes(category)
      ? [{ field: `reviewOffenseCategories[${index}]`, message: `${JSON.stringify(category)} is also excluded` }]
      : [],
  );
}
