import type { DynamicModule, Type } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { mintToken } from '@rj/shared/auth';
import type { Role } from '@rj/shared/contracts';
import { bootstrapService, validateConfig, type BaseServiceEnv, type RunningService } from '@rj/shared/service';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';
import { createTestTopics, type TestTopics } from './test-topics';

export interface TestServiceOptions<C extends BaseServiceEnv> {
  name: string;
  Env: new () => C;
  appModule: (config: C) => Type<unknown> | DynamicModule;
  database: { migrations: (new () => unknown)[]; entities: (new () => unknown)[] };
  /** Environment overrides (as strings, exactly as the process would get them). */
  env?: Record<string, string>;
  /** Share one set of topics between services started in the same suite. */
  topics?: TestTopics;
  /** A second listener for internal routes (referral-intake's key store), on a random port. */
  internalModule?: (config: C) => Type<unknown> | DynamicModule;
}

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestService<C extends BaseServiceEnv> {
  url: string;
  internalUrl?: string;
  config: C;
  /** The service's own database, for assertions on what it committed. */
  dataSource: DataSource;
  topics: TestTopics;
  running: RunningService;
  token(role: Role, org?: string | null, sub?: string): string;
  request<T = any>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string>; internal?: boolean },
  ): Promise<HttpResult<T>>;
  close(): Promise<void>;
}

/**
 * Boots a service in-process against the real infrastructure: a scratch database of its own
 * (migrated), test topics under a unique prefix (or shared ones), real Kafka consumers and
 * relay, on a random port. No mocks: what the test sees is what production would do. It starts
 * through bootstrapService, so the event handlers run as in production: @EventPattern
 * controllers on the hybrid ExactlyOnceTransport, started after the app, stopped after HTTP drains.
 */
export async function startTestService<C extends BaseServiceEnv>(
  options: TestServiceOptions<C>,
): Promise<TestService<C>> {
  const ownsTopics = !options.topics;
  const topics = options.topics ?? (await createTestTopics());
  let database: ScratchDatabase | undefined;
  try {
    database = await createScratchDatabase(options.name.replace(/-/g, '_'), {
      migrations: options.database.migrations,
      entities: options.database.entities,
    });
    const result = validateConfig(options.Env, {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      DATABASE_URL: database.url,
      KAFKA_TOPIC_PREFIX: topics.prefix,
      ...options.env,
    });
    if ('errors' in result && result.errors)
      throw new Error(`test config for ${options.name} is invalid:\n${result.errors.join('\n')}`);
    const config = result.config as C;
    const running = await bootstrapService({
      name: options.name,
      module: options.appModule(config),
      config,
      handleSignals: false,
      // Every service has an internal listener (/metrics); a free port each, like the public one.
      internal: { port: 0, module: options.internalModule?.(config) },
    });
    const scratch = database;
    return {
      url: running.url,
      internalUrl: running.internal?.url,
      config,
      dataSource: scratch.dataSource,
      topics,
      running,
      token: (role, org = null, sub = `${role}-${org ?? 'none'}`) =>
        mintToken({ sub, role, org, name: `Test ${role}` }, config.AUTH_JWT_SECRET),
      request: (method, path, requestOptions = {}) =>
        httpRequest(`${requestOptions.internal ? running.internal?.url : running.url}${path}`, method, requestOptions),
      close: async () => {
        await running.close();
        await scratch.drop();
        if (ownsTopics) await topics.delete();
      },
    };
  } catch (error) {
    await database?.drop().catch(() => undefined);
    if (ownsTopics) await topics.delete();
    throw error;
  }
}

export async function httpRequest<T = any>(
  url: string,
  method: string,
  { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (ndjson, csv): the raw text is the body
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}
