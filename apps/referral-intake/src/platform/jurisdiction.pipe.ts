import { Injectable, type PipeTransform } from '@nestjs/common';
import { CODE_PATTERN } from '@rj/shared/contracts';
import { ValidationProblem } from '@rj/shared/service';

/** A jurisdiction code in a path (`NL-NH`): short, no spaces, no prose. */
@Injectable()
export class JurisdictionPipe implements PipeTransform<string, string> {
  /** What it accepts, in the OpenAPI document (openapi/route-parameters.ts reads it). */
  static readonly openApiSchema = { pattern: CODE_PATTERN.source };

  transform(value: string): string {
    if (!CODE_PATTERN.test(value))
      throw new ValidationProblem([{ field: 'jurisdiction', message: 'must be a jurisdiction code' }]);
    return value;
  }
}
