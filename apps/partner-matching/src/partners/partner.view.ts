import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { partnerProfileOf, type PartnerEntity } from '@rj/matching/data-access';
import { CODE_PATTERN, LANGUAGE_PATTERN } from '@rj/shared/contracts';
import { MAX_PAGE_SIZE } from '@rj/shared/service';

export class PartnerContactView {
  @ApiProperty({ format: 'email', maxLength: 254 }) email: string;
}

/** A partner's profile with its load and response record (api.md: profile, capacity, active, contact). */
export class PartnerView {
  @ApiProperty({ format: 'uuid', description: 'the org claim of its partner_admins and mediators' }) id: string;
  // The bounds CreatePartnerDto and partner.registered hold the profile to.
  @ApiProperty({ maxLength: 200 }) name: string;
  @ApiProperty({ type: [String], maxItems: 50, pattern: CODE_PATTERN.source }) jurisdictions: readonly string[];
  @ApiProperty({ type: [String], maxItems: 100, pattern: CODE_PATTERN.source }) offenseCategories: readonly string[];
  @ApiProperty({ type: [String], maxItems: 50, pattern: LANGUAGE_PATTERN.source }) languages: readonly string[];
  @ApiProperty() servesMinors: boolean;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'cases it holds now' }) openCases: number;
  @ApiProperty() responseHours: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'how fast it really answers, once known from its offers',
  })
  typicalResponseHours: number | null;
  @ApiProperty({ type: [String], maxItems: 100, pattern: CODE_PATTERN.source }) specialties: readonly string[];
  @ApiProperty({ description: 'Receives new offers; false when paused by its own admin or deactivated by an admin.' })
  active: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When an admin deactivated it; only an admin activates it again.',
  })
  deactivatedAt: string | null;
  @ApiPropertyOptional({ type: PartnerContactView, nullable: true }) contact: PartnerContactView | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function partnerView(partner: PartnerEntity): PartnerView {
  // The ranking profile plus what only people see: name, contact and dates.
  const { partnerId, ...profile } = partnerProfileOf(partner);
  return {
    id: partnerId,
    name: partner.name,
    ...profile,
    typicalResponseHours: profile.typicalResponseHours ?? null,
    contact: partner.contactEmail ? { email: partner.contactEmail } : null,
    deactivatedAt: partner.deactivatedAt?.toISOString() ?? null,
    createdAt: partner.createdAt.toISOString(),
    updatedAt: partner.updatedAt.toISOString(),
  };
}

export class PartnerPage {
  @ApiProperty({ type: [PartnerView], maxItems: MAX_PAGE_SIZE }) items: PartnerView[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) nextCursor: string | null;
}
