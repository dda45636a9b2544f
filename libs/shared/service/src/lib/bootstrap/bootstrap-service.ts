import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { BaseServiceEnv } from '../config/base-service-env';
import { correlationMiddleware } from '../context/correlation.middleware';
import { bodyParserErrors } from '../errors/body-parser-errors.middleware';
import { rejectReservedKeys } from '../errors/reserved-keys.middleware';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { inFlightLimit } from '../overload/in-flight-limit.middleware';
import { MetricsController } from '../metrics/metrics.controller';
import { ServiceCoreModule } from '../service-core.module';
import { containsModule } from './contains-module';
import { closeGracefully, onShutdownSignal } from './graceful-shutdown';
import { allowListedCors, noStore, securityHeaders } from './http-security';
import { internalListenerOf } from './internal-listener';
import { setupOpenApi } from './openapi';
import { connectServiceTransport, serviceTransportOf } from './service-transport';
import { acceptSocketCount, listenOnSharedPort } from './shared-port-listeners';
import { httpTracingMiddleware } from '../tracing/http-tracing.middleware';
import { startTracing } from '../tracing/tracing';

type AppModule = Type<unknown> | DynamicModule;
type ConfigureApp = (app: NestExpressApplication) => void | Promise<void>;

export interface BootstrapOptions<C extends BaseServiceEnv = BaseServiceEnv> {
  name: string;
  module: AppModule;
  config: C;
  configureApp?: ConfigureApp;
  /**
   * The internal listener every service has (internal-listener.ts): /metrics, plus the app's
   * internal-only controllers (referral-intake's key store). Port and address default to
   * INTERNAL_PORT (else PORT + 1000) and INTERNAL_HOST.
   */
  internal?: {
    port?: number;
    module?: AppModule;
    configureApp?: ConfigureApp;
    /** Interface to bind. */ host?: string;
  };
  /** Log lines go here instead of stdout (tests). */
  logDestination?: DestinationStream;
  /** Install SIGTERM/SIGINT handlers (default true). */
  handleSignals?: boolean;
}

export interface RunningService {
  app: NestExpressApplication;
  url: string;
  internal: { app: NestExpressApplication; url: string };
  /** Stops accepting, drains in-flight requests, then runs the Nest shutdown hooks. */
  close(): Promise<void>;
}

@Module({})
class ServiceRootModule {}

@Module({})
class InternalRootModule {}

@Module({})
class InternalMetricsModule {}

/**
 * The one way an app starts: `bootstrapService({ name, module: AppModule, config })`.
 * Internal routes — /metrics on every service, the key store on referral-intake — get their
 * own Nest app on their own port, so they can never be reached through the public one
 * (architecture.md, Personal data).
 */
export async function bootstrapService<C extends BaseServiceEnv>(
  options: BootstrapOptions<C>,
): Promise<RunningService> {
  const { name, config } = options;
  // Before the apps exist, so their first request is traced; off unless OTEL_* asks for it.
  const tracing = startTracing({ serviceName: name });
  const app = await createApp(ServiceRootModule, options.module, options, options.configureApp, true);
  // The event consumer, when the app has one, is a hybrid microservice (@EventPattern handlers).
  const transport = serviceTransportOf(app);
  if (transport) connectServiceTransport(app, transport);
  const url = await listenOnSharedPort(app, {
    port: config.PORT,
    sockets: acceptSocketCount(config.HTTP_ACCEPT_SOCKETS),
    keepAliveTimeoutMs: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
  });
  const listener = internalListenerOf(config, options.internal);
  const internalModule: DynamicModule = {
    module: InternalMetricsModule,
    imports: options.internal?.module ? [options.internal.module] : [],
    controllers: [MetricsController],
  };
  const internalApp = await createApp(
    InternalRootModule,
    internalModule,
    options,
    options.internal?.configureApp,
    false,
  );
  const internal = { app: internalApp, url: await listenOnSharedPort(internalApp, { ...listener, sockets: 1 }) };
  const apps: INestApplication[] = [internal.app, app];
  let closing: Promise<void> | undefined;
  let removeSignalHandlers = (): void => undefined;
  const close = (): Promise<void> => {
    removeSignalHandlers();
    // Spans of the last requests and messages are exported before the process goes.
    return (closing ??= closeGracefully(apps, async () => void (await transport?.close())).finally(() =>
      tracing?.shutdown(),
    ));
  };
  try {
    // Consumed only once every module is up (lifecycle hooks done, HTTP listening).
    await app.startAllMicroservices();
  } catch (error) {
    await close().catch(() => undefined); // no listener, pool or relay left behind
    throw error;
  }
  if (options.handleSignals !== false) removeSignalHandlers = onShutdownSignal(close, config.SHUTDOWN_GRACE_MS);
  app.get(Logger).log(`${name} listening on ${url}, internal (/metrics) on ${internal.url}`, 'Bootstrap');
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
  // abortOnError false: a failed lookup on the app throws instead of ending the process, so
  // serviceTransportOf can ask for a transport that services without consumers do not have.
  const app = await NestFactory.create<NestExpressApplication>(withCore, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // First in the chain, so even a request the body parser refuses has a correlation id and is timed.
  app.use(correlationMiddleware);
  // Both listeners: the internal one serves referral-intake's key store to the services that decrypt.
  app.use(httpTracingMiddleware);
  app.use(httpMetricsMiddleware);
  // Before helmet and the body parser: a refusal costs next to nothing. /metrics is never refused.
  if (publicListener)
    app.use(
      inFlightLimit({ maxInFlight: config.MAX_IN_FLIGHT_REQUESTS, retryAfterSeconds: config.OVERLOAD_RETRY_AFTER_S }),
    );
  app.use(securityHeaders());
  app.use(noStore);
  if (publicListener) allowListedCors(app, config.CORS_ORIGINS);
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.use(bodyParserErrors(config.BODY_LIMIT));
  app.use(rejectReservedKeys);
  if (publicListener) setupOpenApi(app, name);
  await configureApp?.(app);
  return app;
}
