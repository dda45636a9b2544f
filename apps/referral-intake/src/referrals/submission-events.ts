import { hasMinorParty, languagesOf, screenedEventData } from '@rj/referral/domain';
import { actorOf, type Principal } from '@rj/shared/auth';
import { buildEvent, ReferralScreened, ReferralSubmitted, systemActor, type EventEnvelope } from '@rj/shared/contracts';
import { requestCause } from '@rj/shared/service';
import type { PartyPersonalData } from './personal-fields';
import type { PreparedReferral } from './prepared-referral';

type EventContact = { email?: string; phone?: string; safeChannels: ('email' | 'sms' | 'phone')[] };

/**
 * `referral.submitted` carries everything other services need (api.md, Events): the office,
 * codes, languages, minors, and the participants with names, birth dates, contacts,
 * guardians and counsel as ciphertext under `dataKeyId`; free text never travels.
 * `referral.screened` follows, caused by it, naming the policy version that decided.
 */
export function submissionEvents(principal: Principal, prepared: PreparedReferral): [EventEnvelope, EventEnvelope] {
  const { referralId, dto, parties, now } = prepared;
  const { causedBy: cause } = requestCause(actorOf(principal));
  const submitted = buildEvent(ReferralSubmitted, {
    aggregateId: referralId,
    referralId,
    actor: actorOf(principal),
    ...cause,
    occurredAt: now.toISOString(),
    data: {
      referralId,
      officeId: prepared.officeId,
      source: dto.source,
      caseNumber: prepared.caseNumber,
      jurisdiction: dto.jurisdiction,
      offense: { code: dto.offense.code, category: dto.offense.category, severity: dto.offense.severity },
      incidentDate: dto.incidentDate,
      stage: dto.stage,
      protectiveOrder: dto.protectiveOrder,
      reportBackBy: dto.reportBackBy,
      participants: parties.map((party) => ({
        participantId: party.participantId,
        role: party.role,
        fullName: party.personal.fullName as string,
        ...(party.personal.dateOfBirth && { dateOfBirth: party.personal.dateOfBirth }),
        minor: party.minor,
        ...(party.personal.guardian && { guardian: representative(party.personal.guardian) }),
        contact: contact(party.personal.contact),
        preferredLanguage: party.preferredLanguage,
        interpreter: party.interpreter,
        hasAccessibilityNeeds: party.hasAccessibilityNeeds,
        ...(party.personal.counsel && { counsel: representative(party.personal.counsel) }),
      })),
      languages: languagesOf(parties),
      hasMinor: hasMinorParty(parties),
      dataKeyId: prepared.dataKey.keyId,
    },
  });
  const screened = buildEvent(ReferralScreened, {
    aggregateId: referralId,
    referralId,
    actor: systemActor('referral-intake'),
    correlationId: cause.correlationId,
    causationId: submitted.id,
    occurredAt: now.toISOString(),
    data: screenedEventData(prepared.decision, dto.jurisdiction),
  });
  return [submitted, screened];
}

function contact(value: PartyPersonalData['contact']): EventContact {
  return {
    ...(value.email && { email: value.email }),
    ...(value.phone && { phone: value.phone }),
    safeChannels: value.safeChannels as EventContact['safeChannels'],
  };
}

function representative(value: NonNullable<PartyPersonalData['guardian']>) {
  return { fullName: value.fullName as string, contact: contact(value.contact) };
}
