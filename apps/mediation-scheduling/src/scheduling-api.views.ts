/**
 * What mediation-scheduling's endpoints answer, for its OpenAPI document (the answers are built
 * in cases/case-view.ts, sessions/session-view.ts and the services). Names and contacts appear
 * only for the accepting partner's people, decrypted, and read null once erased; the
 * preparation records inside a case are the case state's own (@rj/scheduling/domain), so they
 * are open objects here.
 */
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  CASE_HOLD_REASON_CODES,
  CASE_STATUSES,
  CODE_PATTERN,
  PARTY_ROLES,
  SAFE_CHANNELS,
  SESSION_KINDS,
} from '@rj/shared/contracts';
import { MAX_PAGE_SIZE } from '@rj/shared/service';

const SUB = { maxLength: 255, description: 'The identity provider’s subject.' } as const;
const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;
const CODES: ApiPropertyOptions = {
  type: [String],
  maxItems: 100,
  maxLength: 400, // as a problem's `unmet` conditions
  description: 'Unmet conditions, as codes (`participation_consent_missing:<participantId>`).',
};
const NAME = { type: String, maxLength: 200, nullable: true, description: 'Decrypted; null once erased.' } as const;
const LANGUAGE = { type: String, maxLength: 35, nullable: true, description: 'A BCP 47 language tag.' } as const;

export class CaseParticipantSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PARTY_ROLES }) role: string;
  @ApiProperty() minor: boolean;
}

export class CaseMediatorView {
  @ApiProperty(SUB) mediatorId: string;
  @ApiProperty({ description: 'Declared free of conflicts of interest, so assigned.' }) declared: boolean;
}

/** A case in a list: ids, roles and status; no personal data. */
export class CaseSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty({ enum: CASE_HOLD_REASON_CODES, nullable: true }) holdReason: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: [CaseParticipantSummary], maxItems: 20 }) participants: CaseParticipantSummary[];
  @ApiProperty({ type: [CaseMediatorView], maxItems: 20 }) mediators: CaseMediatorView[];
}

export class CasePage {
  @ApiProperty({ type: [CaseSummaryView], maxItems: MAX_PAGE_SIZE }) items: CaseSummaryView[];
  @ApiProperty({ type: String, maxLength: 100, nullable: true, description: 'Pass it as `cursor` for the next page.' })
  nextCursor: string | null;
}

export class PlainContactView {
  @ApiPropertyOptional({ type: String, maxLength: 254, nullable: true }) email?: string | null;
  @ApiPropertyOptional({ type: String, maxLength: 40, nullable: true }) phone?: string | null;
  @ApiPropertyOptional({
    enum: SAFE_CHANNELS,
    isArray: true,
    maxItems: 3,
    description: 'The channels safe to use: email, sms, phone.',
  })
  safeChannels?: string[];
}

export class GuardianView {
  @ApiProperty(NAME) fullName: string | null;
  @ApiProperty({ type: PlainContactView, nullable: true }) contact: PlainContactView | null;
}

export class CaseParticipantDetail {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PARTY_ROLES }) role: string;
  @ApiProperty() minor: boolean;
  @ApiProperty(LANGUAGE) preferredLanguage: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) interpreter: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) hasAccessibilityNeeds: boolean | null;
  @ApiProperty(NAME) fullName: string | null;
  @ApiProperty({ type: PlainContactView, nullable: true }) contact: PlainContactView | null;
  @ApiProperty({ type: GuardianView, nullable: true }) guardian: GuardianView | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a mediator last confirmed the contact and safe channels.',
  })
  contactConfirmedAt: string | null;
  @ApiProperty({
    ...OPEN_OBJECT,
    description:
      'What preparation recorded: information, latest risk, acknowledgement, consents, guardian consents, preparation held.',
  })
  preparation: Record<string, unknown>;
}

export class DialogueGateProblems {
  @ApiProperty(CODES) joint_dialogue: string[];
  @ApiProperty(CODES) indirect_dialogue: string[];
}

/** One case in full, for its assigned mediators and the partner's administrator. */
export class CaseDetailView extends CaseSummaryView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) personalDataErasedAt: string | null;
  @ApiProperty({ type: [CaseParticipantDetail], maxItems: 20 }) declare participants: CaseParticipantDetail[];
  @ApiProperty({ type: DialogueGateProblems }) dialogueGate: DialogueGateProblems;
}

export class NamedParticipant {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PARTY_ROLES }) role: string;
  @ApiProperty(NAME) fullName: string | null;
}

/** A case as a proposed mediator reads it before declaring: the parties' names and roles only. */
export class CaseBeforeDeclarationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty({ enum: CASE_HOLD_REASON_CODES, nullable: true }) holdReason: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: [CaseMediatorView], maxItems: 20 }) mediators: CaseMediatorView[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) personalDataErasedAt: string | null;
  @ApiProperty({ type: [NamedParticipant], maxItems: 20 }) participants: NamedParticipant[];
}

export const CASE_VIEWS = [CaseDetailView, CaseBeforeDeclarationView];

export class DialogueAllowed {
  @ApiProperty() joint_dialogue: boolean;
  @ApiProperty() indirect_dialogue: boolean;
}

/** `GET /api/cases/{id}/gate`: the dialogue gate as a checklist, per participant. */
@ApiExtraModels(DialogueGateProblems)
export class GateChecklistView {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty({ enum: CASE_HOLD_REASON_CODES, nullable: true }) holdReason: string | null;
  @ApiProperty({ type: [String], maxItems: 20, maxLength: SUB.maxLength, description: 'The assigned mediators.' })
  mediatorIds: string[];
  @ApiProperty({ type: DialogueGateProblems, description: 'Unmet conditions of the case itself.' })
  caseUnmet: DialogueGateProblems;
  @ApiProperty({
    type: 'array',
    maxItems: 20,
    items: OPEN_OBJECT,
    description: 'Per participant: what was recorded, each gate item met or not, what is unmet per dialogue kind.',
  })
  participants: Record<string, unknown>[];
  @ApiProperty({ type: DialogueAllowed }) allowed: DialogueAllowed;
}

/** The answer to a preparation record (information, risk, acknowledgement, consent). */
export class PreparationRecordedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: CASE_STATUSES }) caseStatus: string;
  @ApiProperty({ enum: CASE_HOLD_REASON_CODES, nullable: true }) holdReason: string | null;
}

export class DeclarationView {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty(SUB) mediatorId: string;
  @ApiProperty() conflictOfInterest: boolean;
  @ApiProperty({ description: 'Assigned: declared free of conflicts.' }) assigned: boolean;
}

export class ConclusionView {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty() agreementReached: boolean;
  @ApiProperty({ type: String, maxLength: 64, nullable: true }) reasonCode: string | null;
}

export class AttendanceView {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() present: boolean;
}

/** A session for the partner's people, its location included (it never leaves this service). */
export class SessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind: string;
  @ApiProperty({ enum: ['scheduled', 'completed', 'cancelled'] }) status: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, maxLength: 500, nullable: true }) location: string | null;
  @ApiProperty({ type: String, maxLength: 40, nullable: true }) venueType: string | null;
  @ApiProperty({ maxLength: 40, description: 'A short reference to the case, for calendars.' }) caseReference: string;
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 20 }) participantIds: string[];
  @ApiProperty({ type: [String], maxItems: 20, maxLength: SUB.maxLength }) mediatorIds: string[];
  @ApiProperty({ type: [AttendanceView], maxItems: 20, nullable: true }) attendance: AttendanceView[] | null;
  @ApiProperty() interpreterNeeded: boolean;
  @ApiProperty({ type: String, maxLength: 64, nullable: true }) cancelReasonCode: string | null;
  @ApiProperty() recordedLate: boolean;
  @ApiProperty(SUB) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SessionList {
  @ApiProperty({ type: [SessionView], maxItems: 10000 }) items: SessionView[];
  @ApiProperty({ type: String, maxLength: 100, nullable: true }) nextCursor: string | null;
}

export class ParticipantNeeds {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: PARTY_ROLES, nullable: true }) role: string | null;
  @ApiProperty(LANGUAGE) preferredLanguage: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) interpreter: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) hasAccessibilityNeeds: boolean | null;
}

export class MySessionView extends SessionView {
  @ApiProperty({ type: [ParticipantNeeds], maxItems: 20 }) needs: ParticipantNeeds[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    description: 'Participants whose reminder could not be delivered.',
  })
  remindersNotDelivered: string[];
}

export class MySessionList {
  @ApiProperty({ type: [MySessionView], maxItems: 10000 }) items: MySessionView[];
  @ApiProperty({ type: String, maxLength: 100, nullable: true }) nextCursor: string | null;
}

export class MediatorContactView {
  @ApiProperty({ type: String, maxLength: 254, nullable: true }) email: string | null;
}

export class MediatorView {
  @ApiProperty(SUB) sub: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty({ maxLength: 200 }) fullName: string;
  @ApiProperty({ type: MediatorContactView }) contact: MediatorContactView;
  @ApiProperty({ type: [String], maxItems: 20, pattern: CODE_PATTERN.source }) specialties: string[];
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deactivatedAt: string | null;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 1000000,
    description: 'Cases the mediator is assigned to now.',
  })
  caseload: number;
}

export class MediatorPage {
  @ApiProperty({ type: [MediatorView], maxItems: MAX_PAGE_SIZE }) items: MediatorView[];
  @ApiProperty({ type: String, maxLength: 255, nullable: true }) nextCursor: string | null;
}

export class NoteRecordedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty(SUB) authorSub: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NoteView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty(SUB) authorSub: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: String,
    maxLength: 10000,
    nullable: true,
    description: 'Decrypted for the assigned mediators; null once erased.',
  })
  text: string | null;
}

export class NoteList {
  @ApiProperty({ type: [NoteView], maxItems: 10000 }) items: NoteView[];
  @ApiProperty({ type: String, maxLength: 100, nullable: true }) nextCursor: string | null;
}

export class DisclosureView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ maxLength: 64 }) legalBasis: string;
  @ApiProperty({ maxLength: 64 }) recipientKind: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ContactConfirmedView {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ type: PlainContactView }) contact: PlainContactView;
  @ApiProperty({ type: String, maxLength: 64, nullable: true, description: 'An IANA time zone.' }) timeZone:
    string | null;
  @ApiProperty({ format: 'date-time' }) confirmedAt: string;
}

export class CalendarFeedStatus {
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) createdAt: string | null;
}

export class CalendarFeedCreated {
  @ApiProperty({ maxLength: 200, description: 'The secret path of the iCalendar feed; shown once.' }) path: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
