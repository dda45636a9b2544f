import type { ExceptionFilter, INestApplication } from '@nestjs/common';
import type { CustomTransportStrategy, NestMicroservice } from '@nestjs/microservices';

/**
 * A transport the bootstrap connects to the app as a hybrid microservice: the event consumer
 * of @rj/shared/messaging (ExactlyOnceTransport), provided under SERVICE_TRANSPORT by
 * MessagingModule. The service lib knows only this shape, not messaging.
 */
export interface ServiceTransport extends CustomTransportStrategy {
  /** Global exception filters of the microservice (its handlers' errors go back to the transport). */
  readonly filters?: ExceptionFilter[];
}

export const SERVICE_TRANSPORT = Symbol('rj:service-transport');

/** The app's transport, if a module provides one (services without consumers have none). */
export function serviceTransportOf(app: INestApplication): ServiceTransport | undefined {
  try {
    return app.get<ServiceTransport>(SERVICE_TRANSPORT, { strict: false });
  } catch {
    return undefined; // Nest throws when no module provides the token
  }
}

/**
 * Connects the transport in hybrid mode. Initialisation is deferred so its filters are in
 * place before Nest builds the handlers; the app's own init runs every lifecycle hook once, so
 * the microservice must not run them again when it starts.
 */
export function connectServiceTransport(app: INestApplication, transport: ServiceTransport): void {
  const microservice = app.connectMicroservice({ strategy: transport }, { deferInitialization: true });
  microservice.useGlobalFilters(...(transport.filters ?? []));
  (microservice as unknown as NestMicroservice).setIsInitHookCalled(true);
}
