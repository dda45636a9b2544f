/**
 * Who may call what (api.md's "who" columns) as data: one row per documented operation, with
 * the object it is pointed at and the answer each kind of caller must get.
 */
import type { Role } from '@rj/shared/contracts';
import type { ServiceName } from '../platform';
import { referralBody, tag } from './actors';
import { inMinutes } from './mediation';
import type { SecurityWorld } from './security-world';

/** A role, and for the roles that belong to an organisation: ours, another one, or (mediators) ours but not on the case. */
export const CALLERS = ['prosecutor:other', 'partner_admin:other', 'mediator:other', 'mediator:idle', 'service', 'prosecutor', 'partner_admin', 'mediator', 'auditor', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

export interface AccessRow {
  /** The operation as the service's OpenAPI document names it. */
  op: string;
  service: ServiceName;
  path: string;
  who: Role[];
  /** `org`: another organisation's caller gets 404; `case`: so does a mediator of ours not on the case. */
  scope?: 'org' | 'case';
  /** A list answers outsiders 200 with only their own items. */
  list?: boolean;
  body?: () => unknown;
  /** The allowed caller's answer: a status, or one per caller (which also overrides the rules above). */
  ok: number | Partial<Record<Caller | 'default', number>>;
}

export function roleOf(caller: Caller): Role {
  return caller.split(':')[0] as Role;
}

export function expectedStatus(row: AccessRow, caller: Caller): number {
  const own = typeof row.ok === 'object' ? row.ok[caller] : undefined;
  if (own !== undefined) return own;
  if (!row.who.includes(roleOf(caller))) return 403;
  const outsider = caller.endsWith(':other') || (caller === 'mediator:idle' && row.scope === 'case');
  if (row.scope && outsider) return row.list ? 200 : 404;
  return typeof row.ok === 'number' ? row.ok : (row.ok.default as number);
}

const ALL: Role[] = ['prosecutor', 'partner_admin', 'mediator', 'auditor', 'admin', 'service'];
const AUDIT: Role[] = ['auditor', 'admin'];

export function accessTable(w: SecurityWorld, checkpoint: { sequence: number }): AccessRow[] {
  const { completed: done, active } = w;
  const J = w.office.jurisdiction;
  const policy = { excludedOffenseCategories: ['domestic_violence', 'sexual_offense'], reviewOffenseCategories: [], allowedStages: ['pre_charge', 'pre_trial', 'post_conviction'], excludedSeverities: [], protectiveOrderNeedsReview: true };
  const session = (days: number) => ({
    kind: 'preparation',
    startsAt: inMinutes(days * 24 * 60),
    endsAt: inMinutes(days * 24 * 60 + 45),
    location: 'Partner office',
    participantIds: [active.harmedId],
    mediatorIds: [active.mediatorSub],
  });
  return [
    // referral-intake
    { op: 'POST /api/offices', service: 'referral-intake', path: '/api/offices', who: ['admin'], body: () => ({ name: `Office ${tag()}`, jurisdictions: [`E2E-${tag()}`], contact: { email: 'new@prosecutor.example' } }), ok: 201 },
    { op: 'GET /api/offices', service: 'referral-intake', path: '/api/offices', who: ['admin', 'prosecutor'], scope: 'org', list: true, ok: 200 },
    { op: 'GET /api/offices/{id}', service: 'referral-intake', path: `/api/offices/${w.office.id}`, who: ['admin', 'prosecutor'], scope: 'org', ok: 200 },
    { op: 'PATCH /api/offices/{id}', service: 'referral-intake', path: `/api/offices/${w.office.id}`, who: ['admin'], body: () => ({ contact: { email: 'changed@prosecutor.example' } }), ok: 200 },
    // Submitting for a jurisdiction not the caller's office's is a 403 (api.md), not a 404.
    { op: 'POST /api/referrals', service: 'referral-intake', path: '/api/referrals', who: ['prosecutor'], body: () => referralBody(J), ok: { prosecutor: 201, 'prosecutor:other': 403 } },
    { op: 'GET /api/referrals', service: 'referral-intake', path: '/api/referrals', who: ['prosecutor', 'auditor', 'admin'], scope: 'org', list: true, ok: 200 },
    { op: 'GET /api/referrals/{id}', service: 'referral-intake', path: `/api/referrals/${done.referralId}`, who: ['prosecutor', 'auditor', 'admin'], scope: 'org', ok: 200 },
    { op: 'PATCH /api/referrals/{id}', service: 'referral-intake', path: `/api/referrals/${active.referralId}`, who: ['prosecutor'], scope: 'org', body: () => ({ reportBackBy: '2099-12-31' }), ok: 200 },
    // The prosecutor decides first; the admin then finds it decided.
    { op: 'POST /api/referrals/{id}/review', service: 'referral-intake', path: `/api/referrals/${w.toReview}/review`, who: ['prosecutor', 'admin'], scope: 'org', body: () => ({ decision: 'eligible', reason: 'The protective order allows indirect contact' }), ok: { prosecutor: 200, admin: 409 } },
    { op: 'POST /api/referrals/{id}/withdraw', service: 'referral-intake', path: `/api/referrals/${w.toWithdraw}/withdraw`, who: ['prosecutor'], scope: 'org', body: () => ({ reasonCode: 'charges_dropped' }), ok: 200 },
    { op: 'GET /api/referrals/{id}/report', service: 'referral-intake', path: `/api/referrals/${done.referralId}/report`, who: ['prosecutor'], scope: 'org', ok: 200 },
    { op: 'DELETE /api/referrals/{id}/personal-data', service: 'referral-intake', path: `/api/referrals/${w.toWithdraw}/personal-data`, who: ['admin'], ok: 200 },
    { op: 'PUT /api/screening-policies/{jurisdiction}', service: 'referral-intake', path: `/api/screening-policies/${J}`, who: ['admin'], body: () => policy, ok: 200 },
    { op: 'GET /api/screening-policies/{jurisdiction}', service: 'referral-intake', path: `/api/screening-policies/${J}`, who: ALL, ok: 200 },
    { op: 'GET /api/screening-policies', service: 'referral-intake', path: '/api/screening-policies', who: ALL, ok: 200 },
    // partner-matching
    { op: 'POST /api/partners', service: 'partner-matching', path: '/api/partners', who: ['admin'], body: () => ({ name: `Partner ${tag()}`, jurisdictions: [`E2E-${tag()}`], offenseCategories: ['theft'], languages: ['nl'], servesMinors: false, capacity: 1, responseHours: 48, specialties: [] }), ok: 201 },
    { op: 'GET /api/partners', service: 'partner-matching', path: '/api/partners', who: ['admin', 'partner_admin'], scope: 'org', list: true, ok: 200 },
    { op: 'GET /api/partners/{id}', service: 'partner-matching', path: `/api/partners/${w.partner.id}`, who: ['admin', 'partner_admin'], scope: 'org', ok: 200 },
    { op: 'PATCH /api/partners/{id}', service: 'partner-matching', path: `/api/partners/${w.partner.id}`, who: ['admin', 'partner_admin'], scope: 'org', body: () => ({ capacity: 10 }), ok: 200 },
    { op: 'GET /api/offers', service: 'partner-matching', path: '/api/offers', who: ['partner_admin'], scope: 'org', list: true, ok: 200 },
    { op: 'GET /api/offers/{id}', service: 'partner-matching', path: `/api/offers/${w.pendingOfferId}`, who: ['partner_admin'], scope: 'org', ok: 200 },
    // Already accepted: the owner passes the access check and meets the rule (409).
    { op: 'POST /api/offers/{id}/accept', service: 'partner-matching', path: `/api/offers/${done.offerId}/accept`, who: ['partner_admin'], scope: 'org', ok: 409 },
    { op: 'POST /api/offers/{id}/decline', service: 'partner-matching', path: `/api/offers/${w.pendingOfferId}/decline`, who: ['partner_admin'], scope: 'org', body: () => ({ reasonCode: 'no_capacity' }), ok: 200 },
    { op: 'GET /api/referrals/{id}/match', service: 'partner-matching', path: `/api/referrals/${done.referralId}/match`, who: ['prosecutor', 'auditor', 'admin'], scope: 'org', ok: 200 },
    { op: 'GET /api/ranking-weights', service: 'partner-matching', path: '/api/ranking-weights', who: ['admin', 'auditor', 'prosecutor'], ok: 200 },
    // mediation-scheduling
    { op: 'POST /api/mediators', service: 'mediation-scheduling', path: '/api/mediators', who: ['partner_admin'], body: () => ({ sub: `mediator-${tag()}`, fullName: 'New Mediator', contact: { email: 'new@partner.example' }, specialties: [] }), ok: 201 },
    { op: 'GET /api/mediators', service: 'mediation-scheduling', path: '/api/mediators', who: ['partner_admin'], scope: 'org', list: true, ok: 200 },
    { op: 'GET /api/cases', service: 'mediation-scheduling', path: '/api/cases', who: ['partner_admin', 'mediator'], scope: 'org', list: true, ok: 200 },
    { op: 'GET /api/cases/{id}', service: 'mediation-scheduling', path: `/api/cases/${active.caseId}`, who: ['partner_admin', 'mediator'], scope: 'case', ok: 200 },
    { op: 'POST /api/cases/{id}/mediators', service: 'mediation-scheduling', path: `/api/cases/${active.caseId}/mediators`, who: ['partner_admin'], scope: 'case', body: () => ({ mediatorId: w.spareMediatorSub }), ok: 201 },
    { op: 'POST /api/cases/{id}/declarations', service: 'mediation-scheduling', path: `/api/cases/${active.caseId}/declarations`, who: ['mediator'], scope: 'case', body: () => ({ conflictOfInterest: false }), ok: 409 },
    { op: 'POST /api/cases/{id}/information', service: 'mediation-scheduling', path: `/api/cases/${active.caseId}/information`, who: ['mediator'], scope: 'case', body: () => ({ participantId: active.harmedId, informationVersion: 'adult-v4', language: 'nl' }), ok: 201 },
    { op: 'POST /api/cases/{id}/risk-assessments', service: 'mediation-scheduling', path: `/api/cases/${active.caseId}/risk-assessments`, who: ['mediator'], scope: 'case', body: () => ({ participantId: active.responsibleId, outcome: 'proceed', factors: [] }), ok: 201 },
    { op: 'POST /api/cases/{id}/acknowledgements', service: 'mediation-scheduling', path: `/api/cases/${active.caseId}/acknowledgements`, who: ['mediator'], scope: 'case', body: () => ({ participantId: active.responsibleId }), ok: 201 },
    { op: 'POST /api/cases/{id}/consents', service: 'mediation-scheduling', path: `/api/cases/${active.caseId}/consents`, who: ['mediator'], scope: 'case', body: () => ({ participantId: active.harmedId, purpose: 'receive_outcome', decision: 'given' }), ok: 201 },
    { op: 'POST /api/cases/{id}/conclude', service: 'mediation-scheduling', path: `/api/cases/${done.caseId}/conclude`, who: ['mediator'], scope: 'case', body: () => ({ agreementReached: true }), ok: 409 },
    { op: 'POST /api/cases/{id}/sessions', service: 'mediation-scheduling', path: `/api/cases/${active.caseId}/sessions`, who: ['mediator'], scope: 'case', body: () => session(10), ok: 201 },
    { op: 'GET /api/cases/{id}/sessions', service: 'mediation-scheduling', path: `/api/cases/${active.caseId}/sessions`, who: ['partner_admin', 'mediator'], scope: 'case', ok: 200 },
    { op: 'PATCH /api/sessions/{id}', service: 'mediation-scheduling', path: `/api/sessions/${active.sessionId}`, who: ['mediator'], scope: 'case', body: () => ({ startsAt: inMinutes(9 * 24 * 60), endsAt: inMinutes(9 * 24 * 60 + 60) }), ok: 200 },
    { op: 'POST /api/sessions/{id}/cancel', service: 'mediation-scheduling', path: `/api/sessions/${active.sessionToCancelId}/cancel`, who: ['mediator'], scope: 'case', ok: 200 },
    // A session still in the future cannot have had attendance (a process rule: 409).
    { op: 'POST /api/sessions/{id}/complete', service: 'mediation-scheduling', path: `/api/sessions/${active.sessionId}/complete`, who: ['mediator'], scope: 'case', body: () => ({ attendance: [{ participantId: active.harmedId, present: true }] }), ok: 409 },
    { op: 'POST /api/cases/{id}/notes', service: 'mediation-scheduling', path: `/api/cases/${active.caseId}/notes`, who: ['mediator'], scope: 'case', body: () => ({ text: `Second note ${tag()}` }), ok: 201 },
    { op: 'GET /api/cases/{id}/notes', service: 'mediation-scheduling', path: `/api/cases/${active.caseId}/notes`, who: ['mediator'], scope: 'case', ok: 200 },
    { op: 'POST /api/cases/{id}/disclosures', service: 'mediation-scheduling', path: `/api/cases/${active.caseId}/disclosures`, who: ['mediator'], scope: 'case', body: () => ({ legalBasis: 'all_parties_agree', recipientKind: 'other', recipient: 'Victim support desk' }), ok: 201 },
    // outcome-tracking: the completed case refuses every change (409) once access is granted. A
    // mediator of the partner who is not on the case gets 403 here (the case is inside their
    // organisation, api.md), where mediation-scheduling hides the case from them (404).
    { op: 'POST /api/cases/{id}/agreement', service: 'outcome-tracking', path: `/api/cases/${done.caseId}/agreement`, who: ['mediator'], scope: 'case', body: () => ({ terms: [{ kind: 'apology_letter', dueBy: '2099-01-31' }], consentedBy: [done.harmedId, done.responsibleId] }), ok: { 'mediator:idle': 403, default: 409 } },
    { op: 'PATCH /api/agreements/{id}/terms/{termId}', service: 'outcome-tracking', path: `/api/agreements/${done.agreementId}/terms/${done.termId}`, who: ['mediator'], scope: 'case', body: () => ({ dueBy: '2099-02-28', consentedBy: [done.harmedId, done.responsibleId] }), ok: { 'mediator:idle': 403, default: 409 } },
    { op: 'POST /api/agreements/{id}/terms/{termId}/progress', service: 'outcome-tracking', path: `/api/agreements/${done.agreementId}/terms/${done.termId}/progress`, who: ['mediator'], scope: 'case', body: () => ({ amount: { amount: '1.00', currency: 'EUR' } }), ok: { 'mediator:idle': 403, default: 409 } },
    { op: 'POST /api/cases/{id}/close', service: 'outcome-tracking', path: `/api/cases/${done.caseId}/close`, who: ['mediator'], scope: 'case', body: () => ({ reasonCode: 'agreement_not_completed' }), ok: { 'mediator:idle': 403, default: 409 } },
    { op: 'GET /api/cases/{id}/outcome', service: 'outcome-tracking', path: `/api/cases/${done.caseId}/outcome`, who: ['mediator', 'partner_admin'], scope: 'case', ok: { 'mediator:idle': 403, default: 200 } },
    { op: 'GET /api/referrals/{referralId}/outcome', service: 'outcome-tracking', path: `/api/referrals/${done.referralId}/outcome`, who: ['prosecutor'], scope: 'org', ok: 200 },
    { op: 'GET /api/follow-ups', service: 'outcome-tracking', path: '/api/follow-ups', who: ['prosecutor'], scope: 'org', list: true, ok: 200 },
    { op: 'POST /api/follow-ups/{id}', service: 'outcome-tracking', path: `/api/follow-ups/${done.followUpId}`, who: ['prosecutor'], scope: 'org', body: () => ({ reoffended: false }), ok: 200 },
    { op: 'GET /api/metrics', service: 'outcome-tracking', path: '/api/metrics', who: ['admin', 'auditor', 'prosecutor'], ok: 200 },
    // audit-ledger: auditors and admins, no organisation.
    { op: 'GET /api/audit/events', service: 'audit-ledger', path: `/api/audit/events?aggregateId=${done.referralId}`, who: AUDIT, ok: 200 },
    { op: 'GET /api/audit/referrals/{id}/timeline', service: 'audit-ledger', path: `/api/audit/referrals/${done.referralId}/timeline`, who: AUDIT, ok: 200 },
    { op: 'GET /api/audit/referrals/{id}/state', service: 'audit-ledger', path: `/api/audit/referrals/${done.referralId}/state?at=${encodeURIComponent(new Date().toISOString())}`, who: AUDIT, ok: 200 },
    { op: 'GET /api/audit/replay', service: 'audit-ledger', path: '/api/audit/replay', who: AUDIT, ok: 200 },
    { op: 'GET /api/audit/verify', service: 'audit-ledger', path: '/api/audit/verify', who: AUDIT, ok: 200 },
    { op: 'GET /api/audit/export', service: 'audit-ledger', path: '/api/audit/export?format=csv', who: AUDIT, ok: 200 },
    { op: 'GET /api/audit/checkpoints/public-key', service: 'audit-ledger', path: '/api/audit/checkpoints/public-key', who: AUDIT, ok: 200 },
    { op: 'POST /api/audit/checkpoints', service: 'audit-ledger', path: '/api/audit/checkpoints', who: ['admin'], ok: 201 },
    { op: 'GET /api/audit/checkpoints/latest', service: 'audit-ledger', path: '/api/audit/checkpoints/latest', who: AUDIT, ok: 200 },
    { op: 'GET /api/audit/checkpoints/{sequence}', service: 'audit-ledger', path: `/api/audit/checkpoints/${checkpoint.sequence}`, who: AUDIT, ok: 200 },
    { op: 'POST /api/audit/checkpoints/verify', service: 'audit-ledger', path: '/api/audit/checkpoints/verify', who: AUDIT, body: () => checkpoint, ok: 200 },
  ];
}
