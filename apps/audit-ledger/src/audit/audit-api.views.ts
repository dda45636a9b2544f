/**
 * What audit-ledger's JSON endpoints answer, for its OpenAPI document (the answers are built in
 * the controllers from @rj/audit/domain and @rj/audit/data-access). Events are shown exactly as
 * stored: personal data in them is ciphertext, and their `data` is each event type's own
 * (docs/reference/events.md), so it is an open object here.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@rj/shared/contracts';

const SEQUENCE = { type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;
const COUNT = SEQUENCE;
const HASH = { type: String, maxLength: 64, pattern: '^[0-9a-f]{64}$', description: 'SHA-256, hex.' } as const;
const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;

export class ActorView {
  @ApiProperty({ maxLength: 255, description: 'The identity provider’s subject, or `service:<name>`.' }) sub: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ type: String, maxLength: 64, nullable: true }) org: string | null;
}

export class EventEnvelopeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 100, example: 'referral.submitted' }) type: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 1000 }) version: number;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ maxLength: 100 }) aggregateType: string;
  @ApiProperty({ maxLength: 100 }) aggregateId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) referralId: string | null;
  @ApiProperty({ type: ActorView }) actor: ActorView;
  @ApiProperty({ maxLength: 100 }) correlationId: string;
  @ApiProperty({ type: String, maxLength: 100, nullable: true }) causationId: string | null;
  @ApiProperty({
    ...OPEN_OBJECT,
    description: 'The event type’s own fields (docs/reference/events.md); personal data as ciphertext.',
  })
  data: Record<string, unknown>;
}

export class LedgerItemView {
  @ApiProperty(SEQUENCE) sequence: number;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ maxLength: 255 }) topic: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 100000, nullable: true }) partition:
    number | null;
  @ApiProperty({
    type: String,
    maxLength: 20,
    pattern: '^\\d+$',
    nullable: true,
    description: 'The Kafka offset, as a decimal string.',
  })
  offset: string | null;
  @ApiProperty({ maxLength: 100 }) eventType: string;
  @ApiProperty({ maxLength: 100 }) aggregateId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) referralId: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty(HASH) prevHash: string;
  @ApiProperty(HASH) hash: string;
  @ApiProperty({ type: EventEnvelopeView }) event: EventEnvelopeView;
}

export class LedgerPage {
  @ApiProperty({ type: [LedgerItemView], maxItems: 1000 }) items: LedgerItemView[];
  @ApiProperty({
    type: String,
    maxLength: 20,
    pattern: '^\\d+$',
    nullable: true,
    description: 'The last sequence of the page, to pass as `cursor` for the next one; null on the last page.',
  })
  nextCursor: string | null;
}

export class TimelinePage extends LedgerPage {
  @ApiProperty({ format: 'uuid' }) referralId: string;
}

export class ReferralStateSlices {
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: 'The referral as its events made it.' }) referral: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: 'Its case in mediation-scheduling.' }) case: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: 'Its agreement and outcome.' }) outcome: Record<
    string,
    unknown
  > | null;
}

/** `GET /api/audit/referrals/{id}/state`: the referral as it stood at `at`, folded from the ledger. */
export class ReferralStateResponse {
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: ReferralStateSlices }) state: ReferralStateSlices;
  @ApiProperty(COUNT) eventsApplied: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) lastEventId: string | null;
}

export class ChainPointView {
  @ApiProperty(SEQUENCE) sequence: number;
  @ApiProperty(HASH) hash: string;
}

/** The chain checked end to end (or from a checkpoint), pinned to every signed checkpoint. */
export class LedgerVerificationResponse {
  @ApiProperty() ok: boolean;
  @ApiProperty({ ...COUNT, description: 'Entries verified as intact before the first break.' }) checked: number;
  @ApiPropertyOptional({
    ...SEQUENCE,
    description: 'The first sequence at which the ledger no longer matches the chain.',
  })
  firstBrokenSequence?: number;
  @ApiProperty({ type: ChainPointView }) from: ChainPointView;
  @ApiProperty({ type: ChainPointView, description: 'The last intact link.' }) head: ChainPointView;
  @ApiProperty(COUNT) checkpointsPinned: number;
}

export class SignedCheckpointView {
  @ApiProperty(SEQUENCE) sequence: number;
  @ApiProperty(HASH) hash: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ maxLength: 200, description: 'Ed25519 signature, base64.' }) signature: string;
  @ApiProperty({ maxLength: 64 }) publicKeyId: string;
}

export class CheckpointListItem extends SignedCheckpointView {
  @ApiProperty() signatureValid: boolean;
  @ApiProperty({ description: 'The ledger’s entry at this sequence still carries the signed hash.' })
  matchesLedger: boolean;
}

export class CheckpointList {
  @ApiProperty({ maxLength: 64 }) publicKeyId: string;
  @ApiProperty({ type: [CheckpointListItem], maxItems: 1000000 }) items: CheckpointListItem[];
}

export class PublicKeyView {
  @ApiProperty({ maxLength: 64 }) publicKeyId: string;
  @ApiProperty({ maxLength: 200, description: 'The Ed25519 public key, base64 (SPKI DER).' }) publicKey: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm: string;
}

export class CheckpointCheckResponse {
  @ApiProperty({ description: 'Signature ours, not truncated, entry matches, and the chain intact through it.' })
  ok: boolean;
  @ApiProperty() signatureValid: boolean;
  @ApiProperty({ description: 'The ledger now ends before the checkpoint’s sequence.' }) truncated: boolean;
  @ApiProperty() matches: boolean;
  @ApiProperty({ type: LedgerVerificationResponse, nullable: true, description: 'Only when the signature is ours.' })
  chain: LedgerVerificationResponse | null;
}

export class VerificationRunView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['running', 'passed', 'failed'] }) status: string;
  @ApiProperty({ ...SEQUENCE, description: '0: the genesis; otherwise a signed checkpoint’s sequence.' })
  fromSequence: number;
  @ApiProperty(COUNT) checked: number;
  @ApiProperty(COUNT) total: number;
  @ApiProperty({ minimum: 0, maximum: 1e12 }) ratePerSecond: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1e12, nullable: true }) secondsLeft: number | null;
  @ApiPropertyOptional(SEQUENCE) firstBrokenSequence?: number;
  @ApiPropertyOptional({ maxLength: 2000 }) error?: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class UnusualReadsRuleView {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 1000 }) baselineWindows: number;
  @ApiProperty({ minimum: 0, maximum: 1000 }) factor: number;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 1000000 }) minimumRecent: number;
}

export class UnusualReaderView {
  @ApiProperty({ maxLength: 255 }) actor: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ type: String, maxLength: 64, nullable: true }) org: string | null;
  @ApiProperty(COUNT) recent: number;
  @ApiProperty({ minimum: 0, maximum: 1e12 }) usual: number;
  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: 1e12,
    nullable: true,
    description: 'recent ÷ usual; null for a first-time reader.',
  })
  ratio: number | null;
}

export class UnusualReadsView {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 366 }) windowDays: number;
  @ApiProperty({ type: UnusualReadsRuleView }) rule: UnusualReadsRuleView;
  @ApiProperty({ type: [UnusualReaderView], maxItems: 100000 }) actors: UnusualReaderView[];
}

export class LedgerExceptionView {
  @ApiProperty(SEQUENCE) sequence: number;
  @ApiProperty({ enum: ['disclosure', 'screening_override', 'erasure', 'back_dated_session'] }) kind: string;
  @ApiProperty({ maxLength: 100 }) eventType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) referralId: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ maxLength: 40 }) actorRole: string;
}

export class LedgerExceptionsView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) since: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 3660, nullable: true }) sinceDays:
    number | null;
  @ApiProperty({ type: [LedgerExceptionView], maxItems: 50 }) items: LedgerExceptionView[];
}

export class SampledReferralView {
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty(COUNT) events: number;
  @ApiProperty({ format: 'date-time' }) lastOccurredAt: string;
}

/** `GET /api/audit/overview`: what oversight looks at first. */
export class OversightOverview {
  @ApiProperty({ type: VerificationRunView, nullable: true }) lastVerification: VerificationRunView | null;
  @ApiProperty({ type: UnusualReadsView }) unusualReads: UnusualReadsView;
  @ApiProperty({ type: LedgerExceptionsView }) exceptions: LedgerExceptionsView;
  @ApiProperty({ type: [SampledReferralView], maxItems: 100 }) sample: SampledReferralView[];
}
