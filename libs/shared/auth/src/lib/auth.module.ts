import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_OPTIONS, FAILED_AUTH_LIMITER } from './auth.constants';
import type { AuthModuleOptions } from './auth-options';
import { FailedAuthLimiter } from './failed-auth-limiter';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RolesGuard } from './roles.guard';
import { TokenVerifier } from './token-verifier';

/**
 * Installs authentication on every route of the app. Global guards run in the order they are
 * provided: JwtAuthGuard first (401), then RolesGuard (403).
 */
@Module({})
export class AuthModule implements OnApplicationShutdown {
  constructor(@Inject(FAILED_AUTH_LIMITER) private readonly limiter: FailedAuthLimiter | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.limiter?.close();
  }

  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        TokenVerifier,
        {
          provide: FAILED_AUTH_LIMITER,
          useFactory: () => (options.failedAuthLimit ? new FailedAuthLimiter(options.failedAuthLimit) : null),
        },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [AUTH_OPTIONS, TokenVerifier],
    };
  }
}
