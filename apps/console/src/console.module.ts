import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import Redis from 'ioredis';
import { SignedInGuard } from './auth/access';
import { AuthController } from './auth/auth.controller';
import { SignInService } from './auth/sign-in.service';
import type { ConsoleEnv } from './console.env';
import { AdminModule } from './admin/admin.module';
import { AuditorModule } from './auditor/auditor.module';
import { FiguresModule } from './figures/figures.module';
import { TransparencyModule } from './transparency/transparency.module';
import { SurveyModule } from './survey/survey.module';
import { HomeController } from './home.controller';
import { ServiceApi } from './platform/api-client';
import { HealthController } from './platform/health.controller';
import { PagesFilter } from './platform/pages.filter';
import { CONSOLE_CONFIG, SESSION_REDIS } from './platform/tokens';
import { ProsecutorModule } from './prosecutor/prosecutor.module';
import { PartnerModule } from './partner/partner.module';
import { MediatorModule } from './mediator/mediator.module';
import { WebhooksPagesModule } from './webhooks/webhooks.module';

@Module({})
export class ConsoleModule {
  static register(config: ConsoleEnv): DynamicModule {
    const shared = [
      { provide: CONSOLE_CONFIG, useValue: config },
      {
        provide: SESSION_REDIS,
        useFactory: () => new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 }),
      },
      ServiceApi,
    ];
    return {
      module: ConsoleModule,
      global: true,
      imports: [
        ProsecutorModule,
        AdminModule,
        AuditorModule,
        FiguresModule,
        PartnerModule,
        MediatorModule,
        TransparencyModule,
        SurveyModule,
        WebhooksPagesModule,
      ],
      controllers: [AuthController, HealthController, HomeController],
      providers: [
        ...shared,
        SignInService,
        { provide: APP_GUARD, useClass: SignedInGuard },
        { provide: APP_FILTER, useClass: PagesFilter },
      ],
      exports: [CONSOLE_CONFIG, SESSION_REDIS, ServiceApi],
    };
  }
}
