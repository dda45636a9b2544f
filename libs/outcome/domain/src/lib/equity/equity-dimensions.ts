import type { PersonFacts } from './equity-facts';
import { offenceGroup } from './offence-groups';
import { declaredValue } from './self-declaration';

/**
 * The attributes access is compared by, one at a time: never crossed with each other, since a
 * cross-tabulation (language × age × offence group) quickly narrows to one person.
 */
export interface EquityDimension {
  id: string;
  title: string;
  valueOf(person: PersonFacts): string;
}

const recorded = (value: string | null) => value ?? 'not_recorded';

export const EQUITY_DIMENSIONS: readonly EquityDimension[] = [
  { id: 'preferredLanguage', title: 'Preferred language', valueOf: (p) => recorded(p.preferredLanguage) },
  {
    id: 'interpreter',
    title: 'Interpreter need',
    valueOf: (p) => (p.interpreter === null ? 'not_recorded' : p.interpreter ? 'needed' : 'not_needed'),
  },
  {
    id: 'ageBand',
    title: 'Age band',
    valueOf: (p) => (p.minor === null ? 'not_recorded' : p.minor ? 'minor' : 'adult'),
  },
  { id: 'role', title: 'Role', valueOf: (p) => p.role },
  { id: 'offenceGroup', title: 'Offence group', valueOf: (p) => offenceGroup(p.offenceCategory) },
  { id: 'referralSource', title: 'Referral source', valueOf: (p) => p.source },
  { id: 'jurisdiction', title: 'Jurisdiction', valueOf: (p) => p.jurisdiction },
  // Self-declared only (self-declaration.ts): each on its own, never crossed with the others.
  { id: 'ethnicity', title: 'Ethnicity (self-declared)', valueOf: (p) => declaredValue(p.declared, 'ethnicity') },
  { id: 'gender', title: 'Gender (self-declared)', valueOf: (p) => declaredValue(p.declared, 'gender') },
  { id: 'disability', title: 'Disability (self-declared)', valueOf: (p) => declaredValue(p.declared, 'disability') },
];
