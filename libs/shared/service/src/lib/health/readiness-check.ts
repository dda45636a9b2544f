/** One dependency the service cannot serve without. `check` rejects when it is not usable. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
  /** Releases what the check holds open (a Kafka admin connection); called on shutdown. */
  close?(): Promise<void>;
}

/**
 * Provide a check, or an array of them, under this token in any module:
 * `{ provide: READINESS_CHECKS, useFactory: (ds) => [postgresCheck(ds)], inject: [DataSource] }`.
 * Nest has no multi-providers, so ReadinessService gathers this token from every module of
 * the app; within one module, provide an array.
 */
export const READINESS_CHECKS = Symbol('rj:readiness-checks');

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
