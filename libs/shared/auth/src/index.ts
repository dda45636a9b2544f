export { IS_PUBLIC_KEY, ROLES_KEY, AUTH_OPTIONS, DEV_JWT_SECRET, FAILED_AUTH_LIMITER } from './lib/auth.constants';
export type { AuthModuleOptions } from './lib/auth-options';
export { AuthModule } from './lib/auth.module';
export { JwtAuthGuard } from './lib/jwt-auth.guard';
export { RolesGuard } from './lib/roles.guard';
export { TokenVerifier, AuthenticationFailed } from './lib/token-verifier';
export { JwksKeySet, UnknownSigningKey, JwksUnavailable, type JwksKeySetOptions } from './lib/jwks-key-set';
export { FailedAuthLimiter, type FailedAuthLimitOptions, type LimitState } from './lib/failed-auth-limiter';
export { ClientCredentialsTokenSource, type ClientCredentialsOptions } from './lib/client-credentials';
export { serviceTokenSource, type ServiceTokenSettings } from './lib/service-token';
export { serviceNameOf, isOneOfServices } from './lib/service-identity';
export { Public } from './lib/decorators/public.decorator';
export { Roles } from './lib/decorators/roles.decorator';
export { CurrentPrincipal, principalOf } from './lib/decorators/current-principal.decorator';
export {
  type Principal,
  principalFromClaims,
  actorOf,
  roleNeedsOrganisation,
  ROLES_WITH_ORGANISATION,
} from './lib/principal';
export { assertOwnedBy, isOwnedBy } from './lib/ownership';
export { mintToken, mintServiceToken, type MintTokenClaims, type MintOptions } from './lib/mint-token';
