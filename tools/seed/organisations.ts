/**
 * Registers the demo's organisations through the admin's and the partners' own APIs: offices
 * and their screening policies (referral-intake), partners and the specialist status the admin
 * grants (partner-matching), mediators registered by their partner's admin with the
 * credentials, checks and co-facilitated cases a platform admin verified (mediation-scheduling).
 */
import { qualifyingPractice } from '@rj/scheduling/domain';
import {
  tokenOf,
  type SeedContext,
  type SeededMediator,
  type SeededOffice,
  type SeededOrganisations,
  type SeededPartner,
} from './context';
import { OFFICE_PLANS, PARTNER_PLANS, POLICY_PLANS, type OfficePlan, type PartnerPlan } from './demo-organisations';
import { SEED_ADMIN } from './tokens';

/** A jurisdiction, sub or case number of this run (unchanged on a fresh platform). */
export const withSuffix = (code: string, suffix: string) => (suffix ? `${code}-${suffix}` : code);

export async function createOrganisations(ctx: SeedContext): Promise<SeededOrganisations> {
  const offices = await Promise.all(OFFICE_PLANS.map((plan) => createOffice(ctx, plan)));
  const partners = await Promise.all(PARTNER_PLANS.map((plan) => createPartner(ctx, plan)));
  return {
    offices: Object.fromEntries(offices.map((office) => [office.key, office])),
    partners: Object.fromEntries(partners.map((partner) => [partner.key, partner])),
  };
}

async function createOffice(ctx: SeedContext, plan: OfficePlan): Promise<SeededOffice> {
  const admin = await tokenOf(ctx, SEED_ADMIN);
  const jurisdiction = withSuffix(plan.jurisdiction, ctx.suffix);
  const name = ctx.suffix ? `${plan.name} (${ctx.suffix})` : plan.name;
  // The policy first: no referral of the office is screened before it is in force.
  await ctx.api.expect(
    'set the screening policy',
    200,
    'referral-intake',
    'PUT',
    `/api/screening-policies/${encodeURIComponent(jurisdiction)}`,
    { token: admin, body: POLICY_PLANS[plan.jurisdiction] },
  );
  const office = await ctx.api.expect<{ id: string }>(
    'register an office',
    [200, 201],
    'referral-intake',
    'POST',
    '/api/offices',
    {
      token: admin,
      body: { name, jurisdictions: [jurisdiction], contact: { email: plan.email } },
      idempotencyKey: ctx.idempotencyKey(`office-${plan.key}`),
    },
  );
  ctx.log(`office    ${name} (${jurisdiction}) ${office.id}`);
  return {
    key: plan.key,
    id: office.id,
    name,
    jurisdiction,
    prosecutor: {
      role: 'prosecutor',
      org: office.id,
      sub: withSuffix(`demo-prosecutor-${plan.key}`, ctx.suffix),
      name: plan.prosecutorName,
    },
  };
}

async function createPartner(ctx: SeedContext, plan: PartnerPlan): Promise<SeededPartner> {
  const admin = await tokenOf(ctx, SEED_ADMIN);
  const name = ctx.suffix ? `${plan.profile.name} (${ctx.suffix})` : plan.profile.name;
  const profile = {
    ...plan.profile,
    name,
    jurisdictions: plan.profile.jurisdictions.map((code) => withSuffix(code, ctx.suffix)),
    specialties: [],
  };
  const partner = await ctx.api.expect<{ id: string }>(
    'register a partner',
    [200, 201],
    'partner-matching',
    'POST',
    '/api/partners',
    {
      token: admin,
      body: profile,
      idempotencyKey: ctx.idempotencyKey(`partner-${plan.key}`),
    },
  );
  if (plan.specialties.length > 0) {
    await ctx.api.expect(
      'grant the specialist status',
      200,
      'partner-matching',
      'PATCH',
      `/api/partners/${partner.id}`,
      { token: admin, body: { specialties: plan.specialties } },
    );
  }
  const adminClaims = {
    role: 'partner_admin' as const,
    org: partner.id,
    sub: withSuffix(`demo-partner-admin-${plan.key}`, ctx.suffix),
    name: plan.adminName,
  };
  const mediators: SeededMediator[] = [];
  for (const [index, mediator] of plan.mediators.entries())
    mediators.push(await registerMediator(ctx, partner.id, adminClaims, mediator, index === 0));
  ctx.log(
    `partner   ${name}${plan.specialties.length ? ` (specialist: ${plan.specialties.join(', ')})` : ''} ${partner.id}; mediators ${mediators.map((m) => m.name).join(', ')}`,
  );
  return { key: plan.key, id: partner.id, name, admin: adminClaims, mediators };
}

async function registerMediator(
  ctx: SeedContext,
  partnerId: string,
  partnerAdmin: SeededPartner['admin'],
  plan: PartnerPlan['mediators'][number],
  withPendingCourse: boolean,
): Promise<SeededMediator> {
  const sub = withSuffix(`demo-mediator-${plan.slug}`, ctx.suffix);
  const token = await tokenOf(ctx, partnerAdmin);
  await ctx.api.expect('register a mediator', 201, 'mediation-scheduling', 'POST', '/api/mediators', {
    token,
    body: {
      sub,
      fullName: plan.name,
      contact: { email: `${plan.slug}.mediator@example.org` },
      specialties: plan.specialties,
    },
  });
  await recordPractice(ctx, sub, token, plan.specialties, withPendingCourse);
  return { sub, partnerId, name: plan.name, claims: { role: 'mediator', org: partnerId, sub, name: plan.name } };
}

/** Overridden domestic or sexual violence referrals need a credentialed specialist (issue 22). */
const SPECIALIST_CATEGORIES = ['domestic_violence', 'sexual_offense'];

/**
 * What makes a demo mediator proposable (issue 22): the partner's admin records it and the
 * seed's admin verifies it; a specialist also holds a specialist credential for their
 * categories. The first mediator of each programme also has a course awaiting verification,
 * so the admin's verification queue has something to show.
 */
async function recordPractice(
  ctx: SeedContext,
  sub: string,
  partnerAdminToken: string,
  specialties: readonly string[],
  withPendingCourse: boolean,
): Promise<void> {
  const admin = await tokenOf(ctx, SEED_ADMIN);
  const specialistCategories = specialties.filter((category) => SPECIALIST_CATEGORIES.includes(category));
  for (const call of qualifyingPractice({ specialistCategories, languages: ['nl', 'en'] })) {
    const recorded = await ctx.api.expect<{ id: string }>(
      `record ${call.path}`,
      201,
      'mediation-scheduling',
      'POST',
      `/api/mediators/${encodeURIComponent(sub)}/${call.path}`,
      { token: partnerAdminToken, body: call.body },
    );
    if (call.verify)
      await ctx.api.expect(
        'verify a practice record',
        200,
        'mediation-scheduling',
        'POST',
        `/api/practice-records/${recorded.id}/verification`,
        { token: admin },
      );
  }
  if (withPendingCourse) {
    await ctx.api.expect(
      'record a course awaiting verification',
      201,
      'mediation-scheduling',
      'POST',
      `/api/mediators/${encodeURIComponent(sub)}/credentials`,
      {
        token: partnerAdminToken,
        body: {
          kind: 'safeguarding_trauma',
          issuer: 'Trauma-Informed Practice Network',
          hours: 12,
          obtainedOn: '2026-10-15',
          certificateReference: 'TIPN-2026-118',
          offenseCategories: [],
        },
      },
    );
  }
}
