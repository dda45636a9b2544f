/** Metadata key set by `@Public()`; the service lib marks health, metrics and docs with it. */
export const IS_PUBLIC_KEY = 'rj:auth:public';

/** Metadata key set by `@Roles(...)`. */
export const ROLES_KEY = 'rj:auth:roles';

/** Injection token of the resolved `AuthModuleOptions`. */
export const AUTH_OPTIONS = Symbol('rj:auth:options');

/**
 * The HS256 secret development and tests sign with when AUTH_JWT_SECRET is unset. Public on
 * purpose (tools/run/token.js repeats it); the service lib's config refuses it in production.
 */
export const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789';

/** Injection token of the FailedAuthLimiter, or null when failed authentication is not limited. */
export const FAILED_AUTH_LIMITER = Symbol('rj:auth:failed-auth-limiter');
