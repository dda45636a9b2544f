import { hasMinorParty, languagesOf } from './participant-facts';

describe('participant facts', () => {
  it("lists the parties' languages once each, in their order", () => {
    expect(
      languagesOf([{ preferredLanguage: 'nl' }, { preferredLanguage: 'en' }, { preferredLanguage: 'nl' }]),
    ).toEqual(['nl', 'en']);
  });

  it('says whether any party is a minor', () => {
    expect(hasMinorParty([{ minor: false }, { minor: true }])).toBe(true);
    expect(hasMinorParty([{ minor: false }, { minor: false }])).toBe(false);
  });
});
