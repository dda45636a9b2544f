/** Injection token of the console's validated configuration. */
export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');

/** The ioredis client that holds sessions. */
export const SESSION_REDIS = Symbol('SESSION_REDIS');
