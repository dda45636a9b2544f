import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Hands an `@EventPattern` handler's exception, as thrown, back to the exactly-once consumer:
 * a `MissingPrerequisite` parks the event, anything else is retried and dead-lettered with its
 * own message. Nest's default RPC filter would replace it with "Internal server error" and log
 * it, and the consumer could then neither park nor say why it dead-lettered.
 */
@Catch()
export class HandlerErrorsToConsumer implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
