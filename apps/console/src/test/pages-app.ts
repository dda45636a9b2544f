import { Global, Module, type INestApplication, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Role } from '@rj/shared/contracts';
import { SignedInGuard } from '../auth/access';
import type { ApiCall, ServiceApi, ServiceName } from '../platform/api-client';
import { ServiceApi as ServiceApiToken } from '../platform/api-client';
import { PagesFilter } from '../platform/pages.filter';
import { configureViews } from '../platform/views';

/** One call the pages made to a service, as the fake recorded it. */
export interface RecordedCall {
  method: string;
  service: ServiceName;
  path: string;
  call: ApiCall;
}

/** Answers a call: return the body, or throw ApiRefused / ApiUnavailable as the real client would. */
export type Answer = (call: RecordedCall) => unknown;

/** Who a test signs in as, unless it says otherwise. */
export interface PagesPerson {
  sub: string;
  org: string | null;
  name: string;
}

/**
 * One section of the console's pages (a feature module) behind Nest's real routing, role guard
 * and error filter, with the services' HTTP APIs answered by the test (each service proves its
 * side in its own tests; the browser tests join them up) and a session held in memory: what a
 * browser would get — status, redirect, HTML.
 */
export class PagesApp {
  readonly calls: RecordedCall[] = [];
  session: Record<string, unknown> = {};
  private answer: Answer = () => ({});
  private app?: INestApplication;
  private baseUrl = '';

  constructor(
    private readonly feature: Type<unknown>,
    private readonly person: PagesPerson,
  ) {}

  async start(): Promise<void> {
    const record =
      (method: string) =>
      async (_user: unknown, service: ServiceName, path: string, call: ApiCall = {}) => {
        const recorded = { method, service, path, call };
        this.calls.push(recorded);
        return this.answer(recorded);
      };
    const fake = {
      get: record('GET'),
      post: record('POST'),
      put: record('PUT'),
      patch: record('PATCH'),
      delete: record('DELETE'),
    } as Partial<ServiceApi>;
    fake.getOptional = async (user, service, path, call) => {
      try {
        return await (fake.get as ServiceApi['get'])(user, service, path, call);
      } catch (error) {
        if ((error as { problem?: { status?: number } }).problem?.status === 404) return null;
        throw error;
      }
    };

    @Global()
    @Module({ providers: [{ provide: ServiceApiToken, useValue: fake }], exports: [ServiceApiToken] })
    class FakeServices {}

    const moduleRef = await Test.createTestingModule({
      imports: [FakeServices, this.feature],
      providers: [
        { provide: APP_GUARD, useClass: SignedInGuard },
        { provide: APP_FILTER, useClass: PagesFilter },
      ],
    }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    const instance = app.getHttpAdapter().getInstance() as express.Express;
    configureViews(instance);
    app.use((req: Request, res: Response, next: NextFunction) => {
      (req as unknown as { session: Record<string, unknown> }).session = this.session;
      res.locals['csrfToken'] = 'test-csrf-token';
      next();
    });
    app.use(express.urlencoded({ extended: true }));
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    this.baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    this.app = app;
  }

  async stop(): Promise<void> {
    await this.app?.close();
  }

  /** Signs in as someone of this role (the token far from expiry) and forgets earlier calls. */
  signIn(role: Role, overrides: Partial<PagesPerson> = {}): void {
    const person = { ...this.person, ...overrides };
    this.session = { user: { ...person, role, accessToken: 'token', accessTokenExpiresAt: Date.now() + 3_600_000 } };
    this.calls.length = 0;
  }

  answers(answer: Answer): void {
    this.answer = answer;
  }

  async get(path: string): Promise<{ status: number; html: string; location: string | null }> {
    const response = await fetch(this.baseUrl + path, { redirect: 'manual' });
    return { status: response.status, html: await response.text(), location: response.headers.get('location') };
  }

  async post(
    path: string,
    form: Record<string, string | string[]>,
  ): Promise<{ status: number; html: string; location: string | null }> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form))
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    const response = await fetch(this.baseUrl + path, { method: 'POST', body, redirect: 'manual' });
    return { status: response.status, html: await response.text(), location: response.headers.get('location') };
  }
}
