import { fromWithDisplayName, neutralSenderName, NEUTRAL_SENDER_NAME, revealsCase } from './sender-name';

describe("a participant's sender name", () => {
  it("is the partner's name when it reveals nothing, else a neutral one", () => {
    expect(neutralSenderName('De Brug')).toBe('De Brug');
    expect(neutralSenderName('Restorative Justice North')).toBe(NEUTRAL_SENDER_NAME);
    expect(neutralSenderName('Victim Support Amsterdam')).toBe(NEUTRAL_SENDER_NAME);
    expect(neutralSenderName('Justicia Restaurativa LA')).toBe(NEUTRAL_SENDER_NAME);
    expect(neutralSenderName('x')).toBe(NEUTRAL_SENDER_NAME);
    expect(neutralSenderName('Evil\r\nBcc: someone')).toBe(NEUTRAL_SENDER_NAME);
    expect(neutralSenderName(null)).toBe(NEUTRAL_SENDER_NAME);
  });

  it('keeps the address of MAIL_FROM under the new name', () => {
    expect(fromWithDisplayName('Restorative Justice Platform <no-reply@rj.invalid>', 'De Brug')).toBe(
      '"De Brug" <no-reply@rj.invalid>',
    );
    expect(fromWithDisplayName('no-reply@rj.invalid', 'Appointments')).toBe('"Appointments" <no-reply@rj.invalid>');
    expect(revealsCase('Reminder: your dialogue meeting')).toBe(false);
  });
});
