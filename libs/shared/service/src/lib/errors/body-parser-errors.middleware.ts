import { Logger } from '@nestjs/common';
import { ProblemException } from './problem.exception';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * Express error middleware placed right after the JSON parser: gives its refusals a clear
 * problem document instead of the parser's message (a JSON.parse position, at best). Other
 * errors pass through untouched.
 */
export function bodyParserErrors(bodyLimit: string) {
  // The request logger is module middleware and runs after the parser, so refusals are logged here.
  const logger = new Logger('BodyParser');
  return (
    error: unknown,
    req: { method?: string; originalUrl?: string },
    _res: unknown,
    next: (error?: unknown) => void,
  ): void => {
    const { type, status } = (error ?? {}) as BodyParserError;
    if (type?.startsWith('entity.') || type?.endsWith('.unsupported'))
      logger.warn(`${req.method} ${req.originalUrl?.split('?')[0]} refused by the body parser: ${type}`);
    if (type === 'entity.parse.failed') {
      return next(
        new ProblemException({
          type: 'urn:rj:problem:malformed-json',
          title: 'Malformed JSON',
          status: 400,
          detail: 'The request body is not valid JSON.',
        }),
      );
    }
    if (type === 'entity.too.large') {
      return next(
        new ProblemException({
          type: 'urn:rj:problem:payload-too-large',
          title: 'Payload too large',
          status: 413,
          detail: `The request body exceeds the limit of ${bodyLimit}.`,
        }),
      );
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return next(
        new ProblemException({
          type: 'about:blank',
          title: 'Unsupported Media Type',
          status: status ?? 415,
          detail: 'The request body uses an unsupported encoding or charset.',
        }),
      );
    }
    next(error);
  };
}
