import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { partnerProfileOf, type PartnerEntity } from '@rj/matching/data-access';

export class PartnerContactView {
  @ApiProperty({ format: 'email' }) email: string;
}

/** A partner's profile with its load and response record (api.md: profile, capacity, active, contact). */
export class PartnerView {
  @ApiProperty({ format: 'uuid', description: 'the org claim of its partner_admins and mediators' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) jurisdictions: readonly string[];
  @ApiProperty({ type: [String] }) offenseCategories: readonly string[];
  @ApiProperty({ type: [String] }) languages: readonly string[];
  @ApiProperty() servesMinors: boolean;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'cases it holds now' }) openCases: number;
  @ApiProperty() responseHours: number;
  @ApiPropertyOptional({ nullable: true, description: 'how fast it really answers, once known from its offers' }) typicalResponseHours: number | null;
  @ApiProperty({ type: [String] }) specialties: readonly string[];
  @ApiProperty() active: boolean;
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
    createdAt: partner.createdAt.toISOString(),
    updatedAt: partner.updatedAt.toISOString(),
  };
}

export class PartnerPage {
  @ApiProperty({ type: [PartnerView] }) items: PartnerView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
