import { Inject, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule, type AuthModuleOptions } from '@rj/shared/auth';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { authSettingsOf } from './config/auth-settings';
import type { BaseServiceEnv } from './config/base-service-env';
import { Clock } from './context/clock';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { createValidationPipe } from './errors/validation-errors';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import { loggerParams } from './logging/logger-params';

/** The validated config object (an instance of the app's env class). */
export const SERVICE_CONFIG = Symbol('rj:service-config');

/** `constructor(@InjectServiceConfig() config: ReferralEnv)` */
export const InjectServiceConfig = (): ParameterDecorator & PropertyDecorator => Inject(SERVICE_CONFIG);

export interface ServiceCoreOptions {
  name: string;
  config: BaseServiceEnv;
  /** Where log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
  /** Install the JWT and roles guards on every route (default true). */
  auth?: boolean;
}

export function authOptionsFrom(config: BaseServiceEnv): AuthModuleOptions {
  return authSettingsOf(config);
}

/**
 * Everything an app module needs from the platform: the config under SERVICE_CONFIG, pino
 * logging, authentication on every route, the strict ValidationPipe, the problem+json
 * filter, /health, the Clock. bootstrapService adds it when the app module does not, and serves /metrics
 * on the internal listener only.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot({ name, config, logDestination, auth = true }: ServiceCoreOptions): DynamicModule {
    return {
      module: ServiceCoreModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams({ name, level: config.LOG_LEVEL, destination: logDestination })),
        ...(auth ? [AuthModule.forRoot(authOptionsFrom(config))] : []),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        ReadinessService,
        Clock,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [SERVICE_CONFIG, ReadinessService, Clock],
    };
  }
}
