import { DEV_JWT_SECRET } from '@rj/shared/auth';

/**
 * Values that are public development defaults of secrets. Production refuses any variable
 * named *_SECRET, *_MASTER_KEY or *_SIGNING_KEY holding one of them. A lib that ships a
 * development default for a key adds it here when its module loads:
 * `DEV_SECRETS.add(DEV_PII_MASTER_KEY)`.
 */
export const DEV_SECRETS = new Set<string>([DEV_JWT_SECRET]);

export const SECRET_NAME = /(_SECRET|_MASTER_KEY|_SIGNING_KEY)$/;

/** Names whose values never appear in an error line (they would end up in logs). */
export const SENSITIVE_NAME = /(SECRET|PASSWORD|TOKEN|KEY)/i;

/** Required in production, where people's tokens come from the OIDC issuer (api.md, Auth). */
export const PRODUCTION_REQUIRED = ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'] as const;
