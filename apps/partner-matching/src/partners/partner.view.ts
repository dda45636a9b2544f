import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PartnerEntity } from '@rj/matching/data-access';
import { typicalResponseHours } from '@rj/matching/domain';

export class PartnerContactView {
  @ApiProperty({ format: 'email' }) email: string;
}

/** A partner's profile with its load and response record (api.md: profile, capacity, active, contact). */
export class PartnerView {
  @ApiProperty({ format: 'uuid', description: 'the org claim of its partner_admins and mediators' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) jurisdictions: string[];
  @ApiProperty({ type: [String] }) offenseCategories: string[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty() servesMinors: boolean;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'cases it holds now' }) openCases: number;
  @ApiProperty() responseHours: number;
  @ApiPropertyOptional({ nullable: true, description: 'how fast it really answers, once known from its offers' }) typicalResponseHours: number | null;
  @ApiProperty({ type: [String] }) specialties: string[];
  @ApiProperty() active: boolean;
  @ApiPropertyOptional({ type: PartnerContactView, nullable: true }) contact: PartnerContactView | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function partnerView(partner: PartnerEntity): PartnerView {
  return {
    id: partner.id,
    name: partner.name,
    jurisdictions: partner.jurisdictions,
    offenseCategories: partner.offenseCategories,
    languages: partner.languages,
    servesMinors: partner.servesMinors,
    capacity: partner.capacity,
    openCases: partner.openCases,
    responseHours: partner.responseHours,
    typicalResponseHours: typicalResponseHours(partner.offersResolved, partner.responseHoursTotal),
    specialties: partner.specialties,
    active: partner.active,
    contact: partner.contactEmail ? { email: partner.contactEmail } : null,
    createdAt: partner.createdAt.toISOString(),
    updatedAt: partner.updatedAt.toISOString(),
  };
}

export class PartnerPage {
  @ApiProperty({ type: [PartnerView] }) items: PartnerView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
