import { SERVICE_NAMES, SERVICE_TOPOLOGY, type ServiceName } from '@rj/shared/contracts';

/**
 * The five services the seed talks to, and where to find them: the ports `npm start` uses,
 * each overridable by its own environment variable (RJ_URL_REFERRAL_INTAKE, …).
 */
export { SERVICE_NAMES, type ServiceName };

/** The ports `npm start` uses: the platform's topology. */
export const DEFAULT_PORTS = Object.fromEntries(
  SERVICE_NAMES.map((service) => [service, SERVICE_TOPOLOGY[service].port]),
) as Record<ServiceName, number>;

/** `referral-intake` → `RJ_URL_REFERRAL_INTAKE`. */
export function urlVariableOf(service: ServiceName): string {
  return `RJ_URL_${service.toUpperCase().replace(/-/g, '_')}`;
}

/** Each service's base URL from its variable, else 127.0.0.1 on its default port. */
export function serviceUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<ServiceName, string> {
  const urls = {} as Record<ServiceName, string>;
  for (const service of SERVICE_NAMES) {
    const configured = env[urlVariableOf(service)]?.trim();
    urls[service] = (configured || `http://127.0.0.1:${DEFAULT_PORTS[service]}`).replace(/\/+$/, '');
  }
  return urls;
}
