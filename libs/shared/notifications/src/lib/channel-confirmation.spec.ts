import { channelStillConfirmed, lastChannelConfirmation } from './channel-confirmation';

const opened = new Date('2026-11-01T10:00:00Z');
const days = (n: number) => new Date(opened.getTime() + n * 86_400_000);

describe('safe channels are used only while re-confirmed', () => {
  it('counts the referral’s details as confirmed when the case opened, until a mediator confirms them again', () => {
    expect(lastChannelConfirmation(opened, null)).toEqual(opened);
    expect(lastChannelConfirmation(opened, days(12))).toEqual(days(12));
  });

  it('holds a confirmation for the window (30 days unless configured), and not a moment longer', () => {
    expect(channelStillConfirmed(opened, days(30))).toBe(true);
    expect(channelStillConfirmed(opened, new Date(days(30).getTime() + 1))).toBe(false);
    expect(channelStillConfirmed(opened, days(8), 7)).toBe(false);
    expect(channelStillConfirmed(days(40), days(45))).toBe(true);
  });
});
