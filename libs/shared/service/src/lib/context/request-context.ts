import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextValue {
  correlationId: string;
}

/**
 * The correlation id of the work in progress — an HTTP request, or a Kafka message whose
 * envelope carried one — readable anywhere below it without passing it down. The pino mixin
 * stamps it on every log line; producers copy it into the envelopes they write.
 */
export const RequestContext = {
  storage: new AsyncLocalStorage<RequestContextValue>(),

  run<R>(value: RequestContextValue, fn: () => R): R {
    return RequestContext.storage.run(value, fn);
  },

  current(): RequestContextValue | undefined {
    return RequestContext.storage.getStore();
  },
};

export function currentCorrelationId(): string | undefined {
  return RequestContext.current()?.correlationId;
}
