/**
 * Typed domain errors. Domain libs throw these; the one exception filter of
 * libs/shared/service maps them to problem+json with the status each names.
 */
export abstract class DomainError extends Error {
  abstract readonly status: 400 | 403 | 404 | 409 | 410 | 503;
  abstract readonly title: string;
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A state change that breaks a process rule (product.md): 409 with the rule in `detail`. */
export class RuleViolation extends DomainError {
  readonly status = 409 as const;
  readonly title = 'Process rule violated';
  constructor(
    readonly rule: string,
    message: string,
    readonly unmet: string[] = [],
  ) {
    super(message, unmet.length ? { rule, unmet } : { rule });
  }
}

export class Conflict extends DomainError {
  readonly status = 409 as const;
  readonly title = 'Conflict';
}

/** Not found — also what a caller of another organisation gets, so existence is not revealed. */
export class NotFound extends DomainError {
  readonly status = 404 as const;
  readonly title = 'Not found';
}

export class Forbidden extends DomainError {
  readonly status = 403 as const;
  readonly title = 'Forbidden';
}

export class InvalidInput extends DomainError {
  readonly status = 400 as const;
  readonly title = 'Invalid input';
  constructor(
    message: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export class Gone extends DomainError {
  readonly status = 410 as const;
  readonly title = 'Gone';
}

export class DependencyUnavailable extends DomainError {
  readonly status = 503 as const;
  readonly title = 'Service unavailable';
}
