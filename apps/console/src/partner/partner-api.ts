import { NotFoundException } from '@nestjs/common';
import { ApiRefused, ApiUnavailable, type ServiceApi } from '../platform/api-client';
import type { SessionUser } from '../platform/session-user';
import type { CaseSummary, Paged } from './api-shapes';

/** The organisation the administrator belongs to: their `org` claim is the partner's id. */
export function ownPartnerId(user: SessionUser): string {
  if (!user.org) throw new NotFoundException();
  return user.org;
}

// The characters an account id can have (the scheduling service holds the exact rule).
const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9._:@|-]{0,99}$/;

/** A mediator's account id from a URL: anything that could not be one is a page that does not exist. */
export function mediatorPathId(value: string): string {
  if (!ACCOUNT_ID.test(value)) throw new NotFoundException();
  return value;
}

// Enough for a programme's open work; the cases page pages on its own.
const CASE_PAGE = 100;
const MAX_CASE_PAGES = 5;

/** The organisation's cases, page after page up to a bound, for the home page and finding a referral's case. */
export async function organisationCases(api: ServiceApi, user: SessionUser): Promise<CaseSummary[]> {
  const cases: CaseSummary[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < MAX_CASE_PAGES; pages++) {
    const page = await api.get<Paged<CaseSummary>>(user, 'mediation-scheduling', '/api/cases', {
      query: { limit: CASE_PAGE, cursor },
    });
    cases.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return cases;
}

/**
 * A supplementary read the page can do without (a case's gate or outcome on the home page):
 * a refusal or an unavailable service gives null, and `missed` counts it so the page can say
 * that something could not be checked rather than pretend all is well.
 */
export async function optional<T>(read: Promise<T>, missed: { count: number }): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ApiRefused && error.problem.status === 404) return null;
    if (error instanceof ApiRefused || error instanceof ApiUnavailable) {
      missed.count++;
      return null;
    }
    throw error;
  }
}
