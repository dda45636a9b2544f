import {
  CaseConcluded,
  CaseOpened,
  ConsentRecorded,
  ContactConfirmed,
  MediatorDeclared,
  MediatorRegistered,
  OfferAccepted,
  OfferMade,
  OfficeRegistered,
  ReferralSubmitted,
  SessionCompleted,
  uuidv7,
  type ConclusionReasonCode,
  type ConsentPurpose,
} from '@rj/shared/contracts';
import { encryptField } from '@rj/shared/pii';
import type { EventFeeder } from './event-feeder';
import type { TestKeyStore } from './test-key-store';

export interface Scenario {
  officeId: string;
  partnerId: string;
  referralId: string;
  caseId: string;
  harmedId: string;
  responsibleId: string;
  mediatorSub: string;
  /** Encrypts under the referral's own data key, as the other services would. */
  encrypt: (text: string) => string;
}

export interface ScenarioOptions {
  officeId?: string;
  partnerId?: string;
  harmedEmail?: string;
  /** Purposes both parties consented to (participation is always given). */
  consents?: ConsentPurpose[];
  conclusion?: { agreementReached: true } | { agreementReached: false; reasonCode: ConclusionReasonCode } | null;
  /** When the referral was submitted, and days after it the offer was accepted and the dialogue held. */
  timeline?: { submittedAt: string; acceptedAfterDays: number; dialogueAfterDays: number };
  /** A mediator confirmed (and changed) the person harmed's e-mail with them, at `at` (ISO; now if absent), with their own zone. */
  harmedContactConfirmed?: { email: string; at?: string; timeZone?: string };
  /** The person harmed's language and interpreter need (nl without an interpreter if absent). */
  harmedLanguage?: { preferredLanguage: string; interpreter: boolean };
  /** The referral's jurisdiction, which the office serves (NL-NH if absent). */
  jurisdiction?: string;
  /** Send case.opened (and the rest of the scheduling events) before referral.submitted. */
  caseFirst?: boolean;
}

/** One referral's path to conclusion as the other services' events tell it, with real ciphertexts. */
export async function feedReferral(
  feeder: EventFeeder,
  keys: TestKeyStore,
  options: ScenarioOptions = {},
): Promise<Scenario> {
  const s: Scenario = {
    officeId: options.officeId ?? uuidv7(),
    partnerId: options.partnerId ?? uuidv7(),
    referralId: uuidv7(),
    caseId: uuidv7(),
    harmedId: uuidv7(),
    responsibleId: uuidv7(),
    mediatorSub: `mediator-${uuidv7()}`,
    encrypt: (text) => encryptField(text, key),
  };
  const key = keys.newKey();
  const enc = s.encrypt;
  const ref = { referralId: s.referralId };
  const start = options.timeline ? Date.parse(options.timeline.submittedAt) : Date.now();
  const after = (days: number | undefined) =>
    days === undefined ? new Date().toISOString() : new Date(start + days * 86_400_000).toISOString();
  const referralEvents = async () => {
    await feeder.send(OfficeRegistered, {
      referralId: null,
      aggregateId: s.officeId,
      data: {
        officeId: s.officeId,
        name: 'North office',
        jurisdictions: [options.jurisdiction ?? 'NL-NH'],
        contact: { email: `office-${s.officeId}@north.example` },
      },
    });
    await feeder.send(ReferralSubmitted, {
      ...ref,
      aggregateId: s.referralId,
      occurredAt: after(options.timeline && 0),
      data: {
        referralId: s.referralId,
        officeId: s.officeId,
        source: 'prosecutor',
        caseNumber: enc('PARKET-1'),
        jurisdiction: options.jurisdiction ?? 'NL-NH',
        offense: { code: 'SR-350', category: 'property_damage', severity: 'misdemeanor' },
        incidentDate: '2026-01-15',
        stage: 'pre_trial',
        protectiveOrder: false,
        reportBackBy: '2026-12-31',
        languages: [...new Set(['nl', options.harmedLanguage?.preferredLanguage ?? 'nl'])],
        hasMinor: false,
        dataKeyId: key.keyId,
        participants: [
          {
            participantId: s.harmedId,
            role: 'harmed',
            fullName: enc('Anna de Vries'),
            minor: false,
            preferredLanguage: 'nl',
            interpreter: false,
            ...options.harmedLanguage,
            hasAccessibilityNeeds: false,
            contact: { email: enc(options.harmedEmail ?? 'anna@home.example'), safeChannels: ['email'] },
          },
          {
            participantId: s.responsibleId,
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
  };
  const offerId = uuidv7();
  const matchingEvents = async () => {
    await feeder.send(OfferMade, {
      ...ref,
      aggregateId: offerId,
      occurredAt: after(options.timeline && 1),
      data: {
        offerId,
        matchId: uuidv7(),
        partnerId: s.partnerId,
        rank: 1,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    await feeder.send(OfferAccepted, {
      ...ref,
      aggregateId: offerId,
      occurredAt: after(options.timeline?.acceptedAfterDays),
      data: { offerId, partnerId: s.partnerId },
    });
  };
  const schedulingEvents = async () => {
    await feeder.send(MediatorRegistered, {
      referralId: null,
      aggregateId: s.mediatorSub,
      data: {
        mediatorId: s.mediatorSub,
        partnerId: s.partnerId,
        fullName: 'Mia Mediator',
        contact: { email: `${s.mediatorSub}@partner.example` },
        specialties: [],
      },
    });
    await feeder.send(CaseOpened, {
      ...ref,
      aggregateId: s.caseId,
      data: { caseId: s.caseId, partnerId: s.partnerId, offerId },
    });
    await feeder.send(MediatorDeclared, {
      ...ref,
      aggregateId: s.caseId,
      data: { caseId: s.caseId, mediatorId: s.mediatorSub, conflictOfInterest: false },
    });
    const confirmed = options.harmedContactConfirmed;
    if (confirmed) {
      await feeder.send(ContactConfirmed, {
        ...ref,
        aggregateId: s.caseId,
        occurredAt: confirmed.at ?? new Date().toISOString(),
        data: {
          caseId: s.caseId,
          participantId: s.harmedId,
          contact: { email: enc(confirmed.email), safeChannels: ['email'] },
          ...(confirmed.timeZone ? { timeZone: confirmed.timeZone } : {}),
        },
      });
    }
    for (const purpose of ['participation', ...(options.consents ?? [])] as ConsentPurpose[]) {
      for (const participantId of [s.harmedId, s.responsibleId]) {
        await feeder.send(ConsentRecorded, {
          ...ref,
          aggregateId: s.caseId,
          data: { caseId: s.caseId, participantId, purpose, decision: 'given', byGuardian: false },
        });
      }
    }
    const sessionId = uuidv7();
    await feeder.send(SessionCompleted, {
      ...ref,
      aggregateId: sessionId,
      data: {
        sessionId,
        caseId: s.caseId,
        kind: 'joint_dialogue',
        heldAt: after(options.timeline?.dialogueAfterDays),
        recordedLate: false,
        attendance: [
          { participantId: s.harmedId, present: true },
          { participantId: s.responsibleId, present: true },
        ],
      },
    });
    if (options.conclusion !== null) {
      await feeder.send(CaseConcluded, {
        ...ref,
        aggregateId: s.caseId,
        data: { caseId: s.caseId, ...(options.conclusion ?? { agreementReached: true }) },
      });
    }
  };
  if (options.caseFirst) {
    await schedulingEvents();
    await matchingEvents();
    await referralEvents();
  } else {
    await referralEvents();
    await matchingEvents();
    await schedulingEvents();
  }
  return s;
}
