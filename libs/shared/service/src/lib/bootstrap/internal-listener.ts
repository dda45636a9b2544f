import type { BaseServiceEnv } from '../config/base-service-env';

/** How far above the public port the internal listener sits when INTERNAL_PORT is not set. */
export const INTERNAL_PORT_OFFSET = 1000;

export interface InternalListener {
  port: number;
  host: string | undefined;
}

/**
 * Where a service's internal listener (/metrics; referral-intake's key store) listens:
 * INTERNAL_PORT, else PORT + 1000 (3003 → 4003; referral-intake's 3001 → 4001, its key
 * store's port), else 0 when PORT is 0 (tests: a free port each). Bound to INTERNAL_HOST.
 * Sharing the public port would expose it, so that is refused at start-up.
 */
export function internalListenerOf(
  config: Pick<BaseServiceEnv, 'PORT' | 'INTERNAL_PORT' | 'INTERNAL_HOST'>,
  override: { port?: number; host?: string } = {},
): InternalListener {
  const port = override.port ?? config.INTERNAL_PORT ?? (config.PORT === 0 ? 0 : config.PORT + INTERNAL_PORT_OFFSET);
  if (port !== 0 && port === config.PORT)
    throw new Error(`INTERNAL_PORT (${port}) must differ from PORT: the internal listener never shares the public one`);
  return { port, host: override.host ?? config.INTERNAL_HOST };
}
