import { EventPattern as NestEventPattern } from '@nestjs/microservices';
import type { EventPatternExtras } from './provides';

/**
 * Nest's `@EventPattern`, with the signature this transport needs: the pattern is an event type
 * of the contracts (or several), the extras say what the event `provides`. It only narrows the
 * types: the metadata is Nest's own, so Nest discovers the handler as usual. Nest 12's typed
 * overload for a string pattern requires every parameter after the payload to be `unknown`,
 * which an `@Ctx() ctx: EventContext` is not.
 */
export function EventPattern(type: string | readonly string[], extras?: EventPatternExtras): MethodDecorator {
  const patterns = (typeof type === 'string' ? [type] : [...type]) as unknown[];
  return extras ? NestEventPattern(patterns, { ...extras }) : NestEventPattern(patterns);
}
