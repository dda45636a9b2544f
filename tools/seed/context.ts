/**
 * What every step of the seed shares: the API client, the tokens, the mediators' diaries,
 * the log, and what makes this run's keys and names its own.
 */
import type { MediatorCalendar } from './calendar';
import type { ApiClient } from './http';
import type { TokenClaims, Tokens } from './tokens';

export interface SeedContext {
  api: ApiClient;
  tokens: Tokens;
  calendar: MediatorCalendar;
  log(line: string): void;
  /** `Idempotency-Key` of one create in this run: a retry of the same request returns the first result. */
  idempotencyKey(name: string): string;
  /** Empty on a fresh platform; a short tag when seeding again, so subs and case numbers stay unique. */
  suffix: string;
  /** When the run started: dates in the referrals are relative to it. */
  startedAt: Date;
}

export function tokenOf(ctx: SeedContext, claims: TokenClaims): Promise<string> {
  return ctx.tokens.for(claims);
}

export interface SeededOffice {
  key: string;
  id: string;
  name: string;
  jurisdiction: string;
  prosecutor: TokenClaims;
}

export interface SeededMediator {
  sub: string;
  partnerId: string;
  name: string;
  claims: TokenClaims;
}

export interface SeededPartner {
  key: string;
  id: string;
  name: string;
  admin: TokenClaims;
  mediators: SeededMediator[];
}

export interface SeededOrganisations {
  offices: Record<string, SeededOffice>;
  partners: Record<string, SeededPartner>;
}
