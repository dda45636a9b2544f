import { languageFactor, languagesSpoken, loadFactor, responseTimeFactor, specialtyFactor } from './ranking-factors';
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
});
