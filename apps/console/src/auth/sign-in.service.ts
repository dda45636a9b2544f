import { Inject, Injectable } from '@nestjs/common';
import type { ConsoleEnv } from '../console.env';
import { CONSOLE_CONFIG } from '../platform/tokens';
import type { OidcClient } from './oidc-client';

/**
 * The OpenID Connect client, discovered on first use rather than at start-up: the console
 * starts (and answers its health check) even while the identity provider is still starting,
 * and a failed discovery is simply tried again on the next sign-in.
 */
@Injectable()
export class SignInService {
  private client?: Promise<OidcClient>;

  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleEnv) {}

  oidc(): Promise<OidcClient> {
    if (!this.client) {
      // Loaded here so that nothing jest imports pulls in the ESM-only openid-client.
      const { OidcClient } = require('./oidc-client') as typeof import('./oidc-client');
      this.client = OidcClient.discover(this.config);
      this.client.catch(() => (this.client = undefined));
    }
    return this.client;
  }
}
