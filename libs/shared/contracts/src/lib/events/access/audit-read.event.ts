/**
 * audit.read — emitted by audit-ledger when an auditor or admin reads through the auditor
 * endpoints (events, timeline, state, replay, verify, export): who read what, by route template
 * and the filters used. Oversight of the overseers. Consumed by audit-ledger itself.
 * Aggregate: access (aggregateId = the reader's `sub`; belongs to no referral even when the
 * read was one referral's timeline, which `aggregateId` in data then names).
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCode, IsRouteTemplate, IsTimestamp } from '../common';
import { AUDIT_QUERY_FILTERS, type AuditQueryFilter } from '../vocabulary';
import { AccessReader } from './personal-data-read.event';

export class AuditReadData {
  @IsDefined() @ValidateNested() @Type(() => AccessReader) reader: AccessReader;
  /** `GET /api/audit/referrals/{id}/timeline`: the route template, never the URL. */
  @IsRouteTemplate() endpoint: string;
  /** Names of the query parameters used; their values travel below only where they are ids, codes or times. */
  @ArrayMaxSize(AUDIT_QUERY_FILTERS.length)
  @ArrayUnique()
  @IsIn(AUDIT_QUERY_FILTERS, { each: true })
  filters: AuditQueryFilter[];
  /** The aggregate (or referral) asked for, by path or `aggregateId` filter. */
  @IsOptional() @IsString() @Length(1, 100) aggregateId?: string;
  @IsOptional() @IsCode() eventType?: string;
  @IsOptional() @IsTimestamp() from?: string;
  @IsOptional() @IsTimestamp() to?: string;
  @IsOptional() @IsTimestamp() at?: string;
  /** Events returned (or streamed, or checked); absent when the reply was not a count of events. */
  @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) resultCount?: number;
}

export const AuditRead = defineEvent({
  type: 'audit.read',
  version: 1,
  topic: Topics.access,
  aggregateType: 'access',
  referralScoped: false,
  schema: AuditReadData,
});
