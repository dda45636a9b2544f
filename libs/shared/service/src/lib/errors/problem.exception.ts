import { HttpException } from '@nestjs/common';

/** An RFC 9457 problem document; extension members sit beside the standard ones. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

/**
 * An HTTP error whose problem document is already decided (readiness failures, body-parser
 * refusals, validation). The filter writes it as it is.
 */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemBody) {
    super(problem, problem.status);
  }
}

export interface FieldError {
  field: string;
  message: string;
}

/** 400 with one entry per field problem (api.md, Errors: `errors: [{ field, message }]`). */
export class ValidationProblem extends ProblemException {
  constructor(readonly errors: FieldError[]) {
    super({
      type: 'urn:rj:problem:validation',
      title: 'Invalid request',
      status: 400,
      detail: `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`,
      errors,
    });
  }
}
