import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { WEBHOOK_DELIVERY_STATUSES } from './webhook-delivery.entity';
import { WEBHOOK_ENDPOINT_STATUSES } from './webhook-endpoint.entity';
import { MAX_OVERLAP_HOURS } from './webhook-endpoints.service';

/** `POST …/webhook-endpoints`: where, for what, and whom to tell if it is disabled. */
export class RegisterWebhookEndpointDto {
  @ApiProperty({
    example: 'https://cms.north-prosecutor.example/hooks/rj',
    description: 'HTTPS only; an admin approves the destination before anything is sent.',
  })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: false }, { message: 'must be an https:// URL' })
  url: string;

  @ApiProperty({ example: ['referral.status_changed', 'referral.report_ready', 'follow_up.due'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  eventTypes: string[];

  @ApiPropertyOptional({
    example: 'cms-admin@north-prosecutor.example',
    description: "Told when the endpoint is disabled; defaults to the organisation's contact.",
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;
}

export class RotateWebhookSecretDto {
  @ApiPropertyOptional({
    example: 24,
    minimum: 0,
    maximum: MAX_OVERLAP_HOURS,
    description: 'Hours the previous secret keeps signing alongside the new one (default 24).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_OVERLAP_HOURS)
  overlapHours?: number;
}

export class ListWebhookEndpointsQuery {
  @ApiPropertyOptional({ enum: WEBHOOK_ENDPOINT_STATUSES })
  @IsOptional()
  @IsIn(WEBHOOK_ENDPOINT_STATUSES)
  status?: string;
}

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The owning office or partner.' }) orgId: string;
  // As registered (RegisterWebhookEndpointDto's bounds).
  @ApiProperty({ maxLength: 2000 }) url: string;
  @ApiProperty({ type: [String], maxItems: 10, maxLength: 64 }) eventTypes: string[];
  @ApiProperty({ enum: WEBHOOK_ENDPOINT_STATUSES }) status: string;
  @ApiProperty({ format: 'email', maxLength: 254 }) contactEmail: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 64,
    description: '`persistent_failure`, `destination_refused` or `disabled_by_owner`.',
  })
  disabledReason: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when the previous secret still signs.',
  })
  previousSecretUntil: string | null;
}

export class WebhookEndpointListDto {
  @ApiProperty({ type: [WebhookEndpointDto], maxItems: 500 }) items: WebhookEndpointDto[]; // the list's limit
}

export class WebhookSecretDto {
  @ApiProperty({ type: WebhookEndpointDto }) endpoint: WebhookEndpointDto;
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwC8gYb2Xa1Q0=',
    description: 'The Standard Webhooks signing secret, shown this once.',
    pattern: '^whsec_[A-Za-z0-9+/]{43}=$', // 32 random bytes in base64
  })
  secret: string;
}

export class WebhookAttemptDto {
  @ApiProperty() round: number;
  @ApiProperty() attempt: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: Number, nullable: true }) responseStatus: number | null;
  // A code the sender writes (http_500, timeout, a network error's code), never a message.
  @ApiProperty({ type: String, nullable: true, maxLength: 200, example: 'http_500' }) errorCode: string | null;
  @ApiProperty() durationMs: number;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'The `webhook-id` header is `msg_` and this id.' }) id: string;
  @ApiProperty({ example: 'referral.status_changed', maxLength: 64 }) eventType: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) referralId: string | null;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status: string;
  @ApiProperty({
    format: 'date-time',
    description: 'Not sent before this time (outcome changes wait for the daily batch).',
  })
  releaseAt: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: Number, nullable: true }) lastResponseStatus: number | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 200, description: 'A code, as an attempt’s errorCode.' })
  lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  // Each round makes at most a back-off's attempts (13 over three days by default); a round
  // beyond the first is a person's re-send. The bound is a review's figure, not enforced.
  @ApiProperty({ type: [WebhookAttemptDto], maxItems: 1000 }) log: WebhookAttemptDto[];
}

export class WebhookDeliveryListDto {
  @ApiProperty({ type: [WebhookDeliveryDto], maxItems: 200 }) items: WebhookDeliveryDto[]; // the log's page limit
}
