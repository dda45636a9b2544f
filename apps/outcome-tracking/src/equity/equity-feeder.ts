import {
  OfferAccepted,
  OfferMade,
  OfficeRegistered,
  ReferralScreened,
  ReferralSubmitted,
  uuidv7,
} from '@rj/shared/contracts';
import { encryptField } from '@rj/shared/pii';
import type { EventFeeder } from '../test/event-feeder';
import type { TestKeyStore } from '../test/test-key-store';

export interface EquityReferral {
  officeId: string;
  jurisdiction?: string;
  submittedAt: string;
  /** Preferred language and interpreter need of the person harmed; the person responsible speaks `nl`. */
  harmed: { language: string; interpreter: boolean };
  screened: 'eligible' | 'ineligible';
  offered?: boolean;
  accepted?: boolean;
  partnerId?: string;
}

/** A referral as far as screening and the partner's answer, told by the events other services send. */
export async function feedEquityReferral(feeder: EventFeeder, keys: TestKeyStore, r: EquityReferral): Promise<string> {
  const referralId = uuidv7();
  const key = keys.newKey();
  const enc = (text: string) => encryptField(text, key);
  const jurisdiction = r.jurisdiction ?? 'NL-NH';
  const ref = { referralId, aggregateId: referralId };
  const later = (hours: number) => new Date(Date.parse(r.submittedAt) + hours * 3_600_000).toISOString();
  await feeder.send(OfficeRegistered, {
    referralId: null,
    aggregateId: r.officeId,
    data: {
      officeId: r.officeId,
      name: 'North office',
      jurisdictions: [jurisdiction],
      contact: { email: `office-${r.officeId}@north.example` },
    },
  });
  await feeder.send(ReferralSubmitted, {
    ...ref,
    occurredAt: r.submittedAt,
    data: {
      referralId,
      officeId: r.officeId,
      source: 'prosecutor',
      caseNumber: enc('PARKET-1'),
      jurisdiction,
      offense: { code: 'SR-350', category: 'property_damage', severity: 'misdemeanor' },
      incidentDate: '2024-01-15',
      stage: 'pre_trial',
      protectiveOrder: false,
      reportBackBy: '2026-12-31',
      languages: [...new Set([r.harmed.language, 'nl'])],
      hasMinor: false,
      dataKeyId: key.keyId,
      participants: [
        {
          participantId: uuidv7(),
          role: 'harmed',
          fullName: enc('Ana Ruiz'),
          minor: false,
          preferredLanguage: r.harmed.language,
          interpreter: r.harmed.interpreter,
          hasAccessibilityNeeds: false,
          contact: { email: enc('ana@home.example'), safeChannels: ['email'] },
        },
        {
          participantId: uuidv7(),
          role: 'responsible',
          fullName: enc('Tom Jansen'),
          minor: false,
          preferredLanguage: 'nl',
          interpreter: false,
          hasAccessibilityNeeds: false,
          contact: { phone: enc('+31600000001'), safeChannels: ['phone'] },
        },
      ],
    },
  });
  await feeder.send(ReferralScreened, {
    ...ref,
    occurredAt: later(1),
    data: {
      outcome: r.screened,
      reasons: r.screened === 'eligible' ? [] : [{ rule: 'excluded_offense_category', detail: 'property_damage' }],
      policyVersion: 1,
      policyJurisdiction: jurisdiction,
      excludedCategoryOverride: false,
    },
  });
  if (!r.offered) return referralId;
  const offerId = uuidv7();
  const partnerId = r.partnerId ?? uuidv7();
  await feeder.send(OfferMade, {
    ...ref,
    aggregateId: offerId,
    occurredAt: later(2),
    data: { offerId, matchId: uuidv7(), partnerId, rank: 1, expiresAt: later(72) },
  });
  if (r.accepted)
    await feeder.send(OfferAccepted, {
      ...ref,
      aggregateId: offerId,
      occurredAt: later(3),
      data: { offerId, partnerId },
    });
  return referralId;
}
