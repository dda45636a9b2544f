/**
 * Offence categories are the offices' own codes (`property_damage`, `domestic_violence`, …);
 * equity figures group them, so a rare category does not make a row of its own that could
 * point at one case. Unknown codes fall in `other`.
 */
export const OFFENCE_GROUPS = [
  'property',
  'violence',
  'domestic_abuse',
  'sexual',
  'public_order',
  'road_traffic',
  'drugs',
  'other',
] as const;
export type OffenceGroup = (typeof OFFENCE_GROUPS)[number];

const GROUP_OF: Record<string, OffenceGroup> = {
  property_damage: 'property',
  criminal_damage: 'property',
  vandalism: 'property',
  theft: 'property',
  shoplifting: 'property',
  burglary: 'property',
  fraud: 'property',
  arson: 'property',
  assault: 'violence',
  common_assault: 'violence',
  robbery: 'violence',
  threats: 'violence',
  harassment: 'violence',
  domestic_violence: 'domestic_abuse',
  domestic_abuse: 'domestic_abuse',
  intimate_partner_violence: 'domestic_abuse',
  sexual_assault: 'sexual',
  sexual_offence: 'sexual',
  sexual_offense: 'sexual',
  public_order: 'public_order',
  disorderly_conduct: 'public_order',
  hate_crime: 'public_order',
  road_traffic: 'road_traffic',
  dangerous_driving: 'road_traffic',
  drink_driving: 'road_traffic',
  drugs: 'drugs',
  drug_possession: 'drugs',
};

export function offenceGroup(category: string | null): OffenceGroup | 'not_recorded' {
  if (category === null) return 'not_recorded';
  return GROUP_OF[category] ?? 'other';
}
