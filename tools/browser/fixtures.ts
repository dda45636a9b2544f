import { qualifyingPractice, type PracticeRecordCall } from '@rj/scheduling/domain';
import { addDemoOrganisations, api, apiToken, type BrowserTest } from './browser-test';

export interface OfficeFixture {
  jurisdiction: string;
  officeId: string;
  partnerId: string;
  prosecutor: string;
  partnerAdmin: string;
}

/**
 * An office and a partner serving its jurisdiction, made through the public APIs, with demo
 * accounts for both. Each test file makes its own, under its own jurisdiction, so files do not
 * see each other's referrals.
 */
export async function officeWithPartner(test: BrowserTest, jurisdiction: string): Promise<OfficeFixture> {
  const admin = await apiToken(test, { account: 'admin-1' });
  const office = await api(test, 'referral-intake', 'POST', '/api/offices', admin, {
    name: `${jurisdiction} prosecutor’s office`,
    jurisdictions: [jurisdiction],
    contact: { email: 'office@example.org' },
  });
  if (office.status !== 201) throw new Error(`office: ${office.status} ${JSON.stringify(office.body)}`);
  const partner = await api(test, 'partner-matching', 'POST', '/api/partners', admin, {
    name: `${jurisdiction} mediation service`,
    jurisdictions: [jurisdiction],
    offenseCategories: ['property_damage', 'theft'],
    languages: ['en', 'es'],
    servesMinors: true,
    capacity: 50,
    responseHours: 48,
    specialties: [],
  });
  if (partner.status !== 201) throw new Error(`partner: ${partner.status} ${JSON.stringify(partner.body)}`);
  const accounts = addDemoOrganisations(test, {
    offices: [{ id: office.body.id, name: `${jurisdiction} office`, jurisdiction }],
    partners: [{ id: partner.body.id, name: `${jurisdiction} mediation` }],
  });
  return {
    jurisdiction,
    officeId: office.body.id,
    partnerId: partner.body.id,
    prosecutor: accounts.prosecutors[0],
    partnerAdmin: accounts.partnerAdmins[0],
  };
}

/** A complete, valid referral body for the office's jurisdiction. */
export function referralBody(
  fixture: OfficeFixture,
  caseNumber: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    source: 'police',
    caseNumber,
    jurisdiction: fixture.jurisdiction,
    offense: { code: 'SR-350', category: 'property_damage', severity: 'misdemeanor' },
    incidentDate: '2026-10-01',
    stage: 'pre_trial',
    protectiveOrder: false,
    reportBackBy: '2027-06-30',
    parties: [
      {
        role: 'harmed',
        fullName: 'Robin Example',
        minor: false,
        contact: { email: 'robin@example.org', safeChannels: ['email'] },
        preferredLanguage: 'en',
        interpreter: false,
      },
      {
        role: 'responsible',
        fullName: 'Casey Example',
        minor: false,
        contact: { phone: '+1 555 0100', safeChannels: ['phone'] },
        preferredLanguage: 'en',
        interpreter: false,
      },
    ],
    ...overrides,
  };
}

export async function submitReferral(
  test: BrowserTest,
  fixture: OfficeFixture,
  caseNumber: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const token = await apiToken(test, { account: fixture.prosecutor });
  const created = await api(
    test,
    'referral-intake',
    'POST',
    '/api/referrals',
    token,
    referralBody(fixture, caseNumber, overrides),
  );
  if (created.status !== 201) throw new Error(`referral: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

/**
 * The partner's admin records what makes `sub` proposable for any case (credentials, checks,
 * co-facilitated cases) and the platform admin verifies it, through the public API (issue 22).
 * `leaveOut` keeps records back for a page to record. Returns the recorded ids.
 */
export async function qualifyMediator(
  test: BrowserTest,
  fixture: OfficeFixture,
  sub: string,
  leaveOut: (call: PracticeRecordCall) => boolean = () => false,
): Promise<string[]> {
  const partnerAdmin = await apiToken(test, { account: fixture.partnerAdmin });
  const admin = await apiToken(test, { account: 'admin-1' });
  const ids: string[] = [];
  for (const call of qualifyingPractice().filter((call) => !leaveOut(call))) {
    const recorded = await api(
      test,
      'mediation-scheduling',
      'POST',
      `/api/mediators/${sub}/${call.path}`,
      partnerAdmin,
      call.body,
    );
    if (recorded.status !== 201)
      throw new Error(`record ${call.path}: ${recorded.status} ${JSON.stringify(recorded.body)}`);
    ids.push(recorded.body.id);
    if (!call.verify) continue;
    const verified = await api(
      test,
      'mediation-scheduling',
      'POST',
      `/api/practice-records/${recorded.body.id}/verification`,
      admin,
    );
    if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${JSON.stringify(verified.body)}`);
  }
  return ids;
}
