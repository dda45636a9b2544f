/**
 * The platform's topology as code: where each service listens and which database it owns, from
 * topology.json, the one place they are written (see its $comment for who reads it).
 */
import topology from './topology.json';

export type ServiceName = keyof typeof topology.services;

export interface ProcessTopology {
  /** The public listener (API, health). */
  port: number;
  /** The internal listener (/metrics; referral-intake's key store). */
  internalPort: number;
  database: string;
  /** The database role the running process connects as; null: the local superuser. */
  role: string | null;
  /** The role its migrations run as; null: the local superuser. */
  migrationRole: string | null;
}

export const SERVICE_TOPOLOGY: Readonly<Record<ServiceName, ProcessTopology>> = topology.services;
export const SERVICE_NAMES = Object.keys(topology.services) as ServiceName[];
/** audit-ledger's checkpoint signer: a process of its own, the only one holding the signing key. */
export const SIGNER_TOPOLOGY: Readonly<ProcessTopology & { name: string }> = topology.signer;
export const CONSOLE_PORT: number = topology.console.port;

/** The database URL a process uses on a developer's machine (Postgres on 127.0.0.1:5432, no password). */
export function localDatabaseUrl(process: Pick<ProcessTopology, 'database' | 'role'>): string {
  return `postgres://${process.role ?? 'postgres'}@127.0.0.1:5432/${process.database}`;
}

/** A service's base URL on a developer's machine. */
export function localServiceUrl(service: ServiceName): string {
  return `http://127.0.0.1:${SERVICE_TOPOLOGY[service].port}`;
}
