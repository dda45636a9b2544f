/**
 * The people of the platform as the end-to-end suite plays them: an admin, a prosecutor's
 * office, partner organisations and their mediators. Every step goes through a public HTTP API
 * and fails loudly with the answer it got, so a broken step names itself.
 */
import { randomUUID } from 'node:crypto';
import { eventually, type HttpResult } from '@rj/shared/testing';
import type { RunningPlatform, ServiceName } from '../platform';

export const WAIT_MS = 60_000;

/** A short tag that makes names and jurisdictions unique to one test (and searchable in responses). */
export const tag = () => randomUUID().slice(0, 8);

export function expectStatus<T>(result: HttpResult<T>, status: number | number[], what: string): HttpResult<T> {
  const expected = Array.isArray(status) ? status : [status];
  if (!expected.includes(result.status))
    throw new Error(`${what}: expected ${expected.join('/')}, got ${result.status} ${JSON.stringify(result.body)}`);
  return result;
}

/** Calls until the answer has `status` (an effect of an event not yet consumed answers 404 or 409 meanwhile). */
export async function eventuallyStatus(
  platform: RunningPlatform,
  service: ServiceName,
  method: string,
  path: string,
  options: { token?: string; body?: unknown },
  status: number,
  what: string,
): Promise<HttpResult> {
  let last: HttpResult | undefined;
  try {
    return await eventually(
      async () => {
        last = await platform.request(service, method, path, options);
        return last.status === status ? last : null;
      },
      WAIT_MS,
      what,
    );
  } catch {
    throw new Error(`${what}: never ${status}; last ${last?.status} ${JSON.stringify(last?.body).slice(0, 2000)}`);
  }
}

/** Polls a read until `accept` holds for its body. */
export async function eventuallyBody<T = any>(
  platform: RunningPlatform,
  service: ServiceName,
  path: string,
  token: string,
  accept: (body: T) => boolean,
  what: string,
): Promise<T> {
  let last: HttpResult<T> | undefined;
  try {
    const found = await eventually(
      async () => {
        last = await platform.request<T>(service, 'GET', path, { token });
        return last.status === 200 && accept(last.body) ? last.body : null;
      },
      WAIT_MS,
      what,
    );
    return found as T;
  } catch {
    throw new Error(`${what}: last ${last?.status} ${JSON.stringify(last?.body).slice(0, 2000)}`);
  }
}

export interface Office {
  id: string;
  jurisdiction: string;
  prosecutor: string;
}

export interface Partner {
  id: string;
  admin: string;
  email: string;
}

/** An office for a jurisdiction of its own, so that each test's partners see only its referrals. */
export async function registerOffice(
  platform: RunningPlatform,
  admin: string,
  jurisdiction = `E2E-${tag()}`,
): Promise<Office> {
  const created = expectStatus(
    await platform.request('referral-intake', 'POST', '/api/offices', {
      token: admin,
      body: {
        name: `Office ${jurisdiction}`,
        jurisdictions: [jurisdiction],
        contact: { email: `office.${jurisdiction.toLowerCase()}@prosecutor.example` },
      },
    }),
    201,
    'register office',
  );
  const id = created.body.id as string;
  return { id, jurisdiction, prosecutor: platform.token('prosecutor', id, `prosecutor-${id.slice(-6)}`) };
}

export async function registerPartner(
  platform: RunningPlatform,
  admin: string,
  jurisdiction: string,
  overrides: Record<string, unknown> = {},
): Promise<Partner> {
  const email = `intake.${tag()}@partner.example`;
  const body = {
    name: `Partner ${tag()}`,
    jurisdictions: [jurisdiction],
    offenseCategories: ['property_damage', 'assault', 'theft'],
    languages: ['nl', 'en'],
    servesMinors: true,
    capacity: 10,
    responseHours: 48,
    specialties: [],
    contact: { email },
    ...overrides,
  };
  const created = expectStatus(
    await platform.request('partner-matching', 'POST', '/api/partners', { token: admin, body }),
    201,
    'register partner',
  );
  const id = created.body.id as string;
  return { id, admin: platform.token('partner_admin', id, `partner-admin-${id.slice(-6)}`), email };
}

/** A valid referral (api.md) with names, contacts and notes unique to this call, to search responses for. */
export function referralBody(jurisdiction: string, overrides: Record<string, unknown> = {}) {
  const t = tag();
  return {
    source: 'prosecutor',
    caseNumber: `PARKET-${t}`,
    jurisdiction,
    offense: {
      code: 'SR-350',
      category: 'property_damage',
      severity: 'misdemeanor',
      description: `Smashed the shop window ${t}`,
    },
    incidentDate: '2025-01-15',
    stage: 'pre_trial',
    protectiveOrder: false,
    reportBackBy: '2099-09-30',
    parties: [
      {
        role: 'harmed',
        fullName: `Anna Harmed ${t}`,
        dateOfBirth: '1980-04-02',
        minor: false,
        contact: { email: `anna.${t}@example.org`, phone: '+31 6 11111111', safeChannels: ['email'] },
        preferredLanguage: 'nl',
        interpreter: false,
        accessibilityNeeds: `Wheelchair access ${t}`,
      },
      {
        role: 'responsible',
        fullName: `Tom Responsible ${t}`,
        dateOfBirth: '1999-07-21',
        minor: false,
        contact: { email: `tom.${t}@example.org`, safeChannels: ['email'] },
        preferredLanguage: 'en',
        interpreter: false,
        counsel: {
          fullName: `Mr Counsel ${t}`,
          contact: { email: `counsel.${t}@law.example`, safeChannels: ['email'] },
        },
      },
    ],
    notes: `Asked for a quiet room ${t}`,
    ...overrides,
  };
}

export type ReferralBody = ReturnType<typeof referralBody>;

/** Every piece of personal data in a referral body, to search responses that must not carry it. */
export function personalDataOf(body: ReferralBody): string[] {
  const [harmed, responsible] = body.parties as any[];
  return [
    body.offense.description,
    body.notes,
    harmed.fullName,
    harmed.contact.email,
    harmed.accessibilityNeeds,
    responsible.fullName,
    responsible.contact.email,
    responsible.counsel.fullName,
  ];
}

export async function submitReferral(
  platform: RunningPlatform,
  office: Office,
  body: ReferralBody,
): Promise<{ id: string; status: string; screening: { outcome: string; reasons: string[] } }> {
  return expectStatus(
    await platform.request('referral-intake', 'POST', '/api/referrals', { token: office.prosecutor, body }),
    201,
    'submit referral',
  ).body;
}

export async function referralStatus(
  platform: RunningPlatform,
  office: Office,
  referralId: string,
  status: string,
): Promise<any> {
  return eventuallyBody(
    platform,
    'referral-intake',
    `/api/referrals/${referralId}`,
    office.prosecutor,
    (r: any) => r.status === status,
    `referral ${referralId} ${status}`,
  );
}

/** The partner's pending offer for a referral, once matching made it. */
export async function pendingOffer(platform: RunningPlatform, partner: Partner, referralId: string): Promise<any> {
  const page = await eventuallyBody(
    platform,
    'partner-matching',
    '/api/offers?status=pending',
    partner.admin,
    (b: any) => b.items.some((o: any) => o.referralId === referralId),
    `pending offer of ${referralId} to ${partner.id}`,
  );
  return page.items.find((o: any) => o.referralId === referralId);
}
