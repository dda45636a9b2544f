import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import type { BaseServiceEnv } from '../config/base-service-env';
import { correlationMiddleware } from '../context/correlation.middleware';
import { bodyParserErrors } from '../errors/body-parser-errors.middleware';
import { rejectReservedKeys } from '../errors/reserved-keys.middleware';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { ServiceCoreModule } from '../service-core.module';
import { containsModule } from './contains-module';
import { closeGracefully, onShutdownSignal } from './graceful-shutdown';
import { setupOpenApi } from './openapi';

type AppModule = Type<unknown> | DynamicModule;
type ConfigureApp = (app: NestExpressApplication) => void | Promise<void>;

export interface BootstrapOptions<C extends BaseServiceEnv = BaseServiceEnv> {
  name: string;
  module: AppModule;
  config: C;
  configureApp?: ConfigureApp;
  /** A second listener for internal-only controllers (referral-intake's key store on 4001). */
  internal?: { port: number; module: AppModule; configureApp?: ConfigureApp };
  /** Log lines go here instead of stdout (tests). */
  logDestination?: DestinationStream;
  /** Install SIGTERM/SIGINT handlers (default true). */
  handleSignals?: boolean;
}

export interface RunningService {
  app: NestExpressApplication;
  url: string;
  internal?: { app: NestExpressApplication; url: string };
  /** Stops accepting, drains in-flight requests, then runs the Nest shutdown hooks. */
  close(): Promise<void>;
}

@Module({})
class ServiceRootModule {}

@Module({})
class InternalRootModule {}

/**
 * The one way an app starts: `bootstrapService({ name, module: AppModule, config })`.
 * Internal routes get their own Nest app on their own port, so they can never be reached
 * through the public one (architecture.md, Personal data).
 */
export async function bootstrapService<C extends BaseServiceEnv>(options: BootstrapOptions<C>): Promise<RunningService> {
  const { name, config } = options;
  const app = await createApp(ServiceRootModule, options.module, options, options.configureApp, true);
  const url = await listen(app, config.PORT);
  let internal: RunningService['internal'];
  if (options.internal) {
    const internalApp = await createApp(InternalRootModule, options.internal.module, options, options.internal.configureApp, false);
    internal = { app: internalApp, url: await listen(internalApp, options.internal.port) };
  }
  const apps: INestApplication[] = internal ? [internal.app, app] : [app];
  let closing: Promise<void> | undefined;
  let removeSignalHandlers = (): void => undefined;
  const close = (): Promise<void> => {
    removeSignalHandlers();
    return (closing ??= closeGracefully(apps));
  };
  if (options.handleSignals !== false) removeSignalHandlers = onShutdownSignal(close, config.SHUTDOWN_GRACE_MS);
  app.get(Logger).log(`${name} listening on ${url}${internal ? `, internal on ${internal.url}` : ''}`, 'Bootstrap');
  return { app, url, internal, close };
}

async function createApp(
  root: Type<unknown>,
  module: AppModule,
  { name, config, logDestination }: BootstrapOptions,
  configureApp: ConfigureApp | undefined,
  publicListener: boolean,
): Promise<NestExpressApplication> {
  const withCore = containsModule(module, ServiceCoreModule)
    ? module
    : { module: root, imports: [ServiceCoreModule.forRoot({ name, config, logDestination }), module] };
  // Nest's parsers are off so the only body parser is ours, with BODY_LIMIT.
  const app = await NestFactory.create<NestExpressApplication>(withCore, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // First in the chain, so even a request the body parser refuses has a correlation id and is timed.
  app.use(correlationMiddleware);
  app.use(httpMetricsMiddleware);
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.use(bodyParserErrors(config.BODY_LIMIT));
  app.use(rejectReservedKeys);
  if (publicListener) setupOpenApi(app, name);
  await configureApp?.(app);
  return app;
}

async function listen(app: INestApplication, port: number): Promise<string> {
  await app.listen(port);
  const { port: actual } = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${actual}`;
}
