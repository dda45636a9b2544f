import {
  languageFactor,
  languagesSpoken,
  loadFactor,
  MIN_RESOLVED_OFFERS,
  rankedResponseHours,
  responseTimeFactor,
  specialtyFactor,
  typicalResponseHours,
} from './ranking-factors';
import { partnerFits } from '../test/matching-fixtures';

describe('ranking factors (product.md, Matching)', () => {
  it('counts the parties whose preferred language the partner speaks', () => {
    expect(languagesSpoken(partnerFits({ languages: ['nl'] }), ['nl', 'ar'])).toBe(1);
    expect(languagesSpoken(partnerFits({ languages: ['nl', 'ar'] }), ['nl', 'ar'])).toBe(2);
    expect(languageFactor(1, 2)).toBe(0.5);
    expect(languageFactor(0, 0)).toBe(1);
  });

  it('scores a specialist in the category 1 and anyone else 0', () => {
    expect(specialtyFactor(partnerFits({ specialties: ['assault'] }), 'assault')).toBe(1);
    expect(specialtyFactor(partnerFits({ specialties: ['theft'] }), 'assault')).toBe(0);
  });

  it('scores free capacity as 1 - openCases / capacity', () => {
    expect(loadFactor({ capacity: 4, openCases: 1 })).toBe(0.75);
    expect(loadFactor({ capacity: 4, openCases: 0 })).toBe(1);
    expect(loadFactor({ capacity: 0, openCases: 0 })).toBe(0);
  });

  it('scores a shorter response window higher', () => {
    expect(responseTimeFactor(24)).toBe(0.5);
    expect(responseTimeFactor(72)).toBe(0.25);
    expect(responseTimeFactor(1)).toBeGreaterThan(responseTimeFactor(2));
  });

  it('learns a partner\u2019s typical response time from enough resolved offers, expired ones at their whole window', () => {
    // answered in 2 h and 4 h, one left to expire after its 24 h window
    expect(typicalResponseHours(3, 2 + 4 + 24)).toBe(10);
    expect(typicalResponseHours(MIN_RESOLVED_OFFERS - 1, 6)).toBeNull();
    expect(typicalResponseHours(0, 0)).toBeNull();
  });

  it('ranks by the typical response time once known, by the promised window until then', () => {
    expect(rankedResponseHours(partnerFits({ responseHours: 48, typicalResponseHours: 3 }))).toBe(3);
    expect(rankedResponseHours(partnerFits({ responseHours: 48, typicalResponseHours: null }))).toBe(48);
    expect(rankedResponseHours(partnerFits({ responseHours: 48 }))).toBe(48);
  });
});
