import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { insertSubmittedReferral, loadSubmissionContext, type SubmittedReferralRows } from '@rj/referral/data-access';
import {
  decidedByDefaultPolicy,
  hasMinorParty,
  languagesOf,
  nextReferralStatus,
  referralRuleProblems,
  screenedEventData,
  screenReferral,
  type ScreeningDecision,
} from '@rj/referral/domain';
import { actorOf, type Principal } from '@rj/shared/auth';
import { buildEvent, Forbidden, ReferralScreened, ReferralSubmitted, systemActor, UUID_PATTERN, uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { appendToOutbox } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { encryptField, type DataKey } from '@rj/shared/pii';
import { ValidationProblem } from '@rj/shared/service';
import { CLOCK, type Clock } from '../common/clock';
import { requestCause } from '../common/request-cause';
import { Idempotency, type IdempotentRequest, type StoredAnswer } from '../idempotency/idempotency';
import { KeyStore } from '../key-store/key-store';
import { policyOf } from '../screening/screening-policies.service';
import type { CreateReferralDto } from './dto/create-referral.dto';
import { encryptPartyPersonalData, type PartyPersonalData } from './personal-fields';
import { screeningView, type SubmittedReferralView } from './referral-views';

interface PreparedParty {
  participantId: string;
  position: number;
  personal: PartyPersonalData;
  role: CreateReferralDto['parties'][number]['role'];
  minor: boolean;
  preferredLanguage: string;
  interpreter: boolean;
  hasAccessibilityNeeds: boolean;
}

/**
 * `POST /api/referrals`: a prosecutor submits for a jurisdiction of its office; the
 * jurisdiction's policy screens it at once. Personal data is encrypted under a new data key
 * before anything is written; the referral, its parties, its key, its first status changes,
 * `referral.submitted` and `referral.screened` commit in one transaction.
 */
@Injectable()
export class SubmitReferralService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyStore,
    private readonly idempotency: Idempotency,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async submit(principal: Principal, dto: CreateReferralDto, idempotent?: IdempotentRequest): Promise<StoredAnswer<SubmittedReferralView>> {
    const context = principal.org && UUID_PATTERN.test(principal.org) ? await loadSubmissionContext(this.dataSource.manager, principal.org, dto.jurisdiction) : null;
    if (!context) throw new Forbidden("the caller's organisation is not a registered prosecutor's office", { rule: 'submit_from_registered_office' });
    if (!context.jurisdictions.includes(dto.jurisdiction)) {
      throw new Forbidden(`the office may not submit for jurisdiction ${dto.jurisdiction}`, { rule: 'submit_for_own_jurisdiction' });
    }
    const office = { id: context.officeId };
    const problems = referralRuleProblems(dto, this.clock);
    if (problems.length) throw new ValidationProblem(problems);

    const now = this.clock();
    const decision = screenReferral(dto, policyOf(context.policy));
    const referralId = uuidv7(now.getTime());
    const { dataKey, row: keyRow } = this.keys.newDataKey(referralId, now.getTime());
    const parties = dto.parties.map((party, position): PreparedParty => ({
      participantId: uuidv7(now.getTime()),
      position,
      personal: encryptPartyPersonalData(party, dataKey),
      role: party.role,
      minor: party.minor,
      preferredLanguage: party.preferredLanguage,
      interpreter: party.interpreter,
      hasAccessibilityNeeds: Boolean(party.accessibilityNeeds?.trim()),
    }));
    const caseNumber = encryptField(dto.caseNumber, dataKey);
    const events = this.events(principal, dto, { referralId, officeId: office.id, caseNumber, dataKey, parties, decision, now });
    const status = nextReferralStatus('submitted', ReferralScreened.type, { outcome: decision.outcome });
    const rows: SubmittedReferralRows = {
      dataKey: keyRow,
      referral: {
        id: referralId,
        officeId: office.id,
        status,
        source: dto.source,
        caseNumber,
        jurisdiction: dto.jurisdiction,
        offenseCode: dto.offense.code,
        offenseCategory: dto.offense.category,
        offenseSeverity: dto.offense.severity,
        offenseDescription: optionalCiphertext(dto.offense.description, dataKey),
        incidentDate: dto.incidentDate,
        stage: dto.stage,
        protectiveOrder: dto.protectiveOrder,
        reportBackBy: dto.reportBackBy,
        notes: optionalCiphertext(dto.notes, dataKey),
        screeningOutcome: decision.outcome,
        screeningReasons: decision.reasons,
        screeningPolicyVersion: decision.policyVersion,
        screeningDefaultPolicy: decidedByDefaultPolicy(decision),
        submittedBy: principal.sub,
        createdAt: now.toISOString(),
      },
      parties: parties.map((party) => ({
        participant_id: party.participantId,
        position: party.position,
        role: party.role,
        minor: party.minor,
        preferred_language: party.preferredLanguage,
        interpreter: party.interpreter,
        full_name: party.personal.fullName as string,
        date_of_birth: party.personal.dateOfBirth ?? null,
        accessibility_needs: party.personal.accessibilityNeeds ?? null,
        contact: party.personal.contact,
        guardian: party.personal.guardian ?? null,
        counsel: party.personal.counsel ?? null,
      })),
      history: [
        { status: 'submitted', at: now.toISOString(), cause: events[0].type, event_id: events[0].id },
        { status, at: now.toISOString(), cause: events[1].type, event_id: events[1].id },
      ],
    };
    const answer = { status: 201, body: { id: referralId, status, screening: screeningView(decision, dto.jurisdiction, decidedByDefaultPolicy(decision)) } };

    return withTransaction(this.dataSource, async (manager) => {
      const replay = idempotent && (await this.idempotency.claim<SubmittedReferralView>(manager, idempotent));
      if (replay) return replay;
      await insertSubmittedReferral(manager, rows);
      await appendToOutbox(manager, events);
      if (idempotent) await this.idempotency.record(manager, idempotent, referralId, answer);
      return answer;
    });
  }

  /**
   * `referral.submitted` carries everything other services need (api.md, Events): the office,
   * codes, languages, minors, and the participants with names, birth dates, contacts,
   * guardians and counsel as ciphertext under `dataKeyId`; free text never travels.
   * `referral.screened` follows, caused by it, with the policy version that decided.
   */
  private events(
    principal: Principal,
    dto: CreateReferralDto,
    facts: { referralId: string; officeId: string; caseNumber: string; dataKey: DataKey; parties: PreparedParty[]; decision: ScreeningDecision; now: Date },
  ): [EventEnvelope, EventEnvelope] {
    const { referralId, parties, now } = facts;
    const cause = requestCause();
    const submitted = buildEvent(ReferralSubmitted, {
      aggregateId: referralId,
      referralId,
      actor: actorOf(principal),
      ...cause,
      occurredAt: now.toISOString(),
      data: {
        referralId,
        officeId: facts.officeId,
        source: dto.source,
        caseNumber: facts.caseNumber,
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
          ...(party.personal.guardian && { guardian: eventRepresentative(party.personal.guardian) }),
          contact: eventContact(party.personal.contact),
          preferredLanguage: party.preferredLanguage,
          interpreter: party.interpreter,
          hasAccessibilityNeeds: party.hasAccessibilityNeeds,
          ...(party.personal.counsel && { counsel: eventRepresentative(party.personal.counsel) }),
        })),
        languages: languagesOf(parties),
        hasMinor: hasMinorParty(parties),
        dataKeyId: facts.dataKey.keyId,
      },
    });
    const screened = buildEvent(ReferralScreened, {
      aggregateId: referralId,
      referralId,
      actor: systemActor('referral-intake'),
      correlationId: cause.correlationId,
      causationId: submitted.id,
      occurredAt: now.toISOString(),
      data: screenedEventData(facts.decision, dto.jurisdiction),
    });
    return [submitted, screened];
  }
}

function optionalCiphertext(text: string | null | undefined, dataKey: DataKey): string | null {
  return text === undefined || text === null ? null : encryptField(text, dataKey);
}

type EventContact = { email?: string; phone?: string; safeChannels: ('email' | 'sms' | 'phone')[] };

function eventContact(contact: PartyPersonalData['contact']): EventContact {
  return {
    ...(contact.email && { email: contact.email }),
    ...(contact.phone && { phone: contact.phone }),
    safeChannels: contact.safeChannels as EventContact['safeChannels'],
  };
}

function eventRepresentative(representative: NonNullable<PartyPersonalData['guardian']>) {
  return { fullName: representative.fullName as string, contact: eventContact(representative.contact) };
}
