import { chooseChannel, safeEmailOf } from './safe-channels';

describe('safe channels', () => {
  it('gives the e-mail address only when the participant marked e-mail safe', () => {
    expect(safeEmailOf({ email: 'a@example.org', safeChannels: ['email'] })).toBe('a@example.org');
    expect(safeEmailOf({ email: 'a@example.org', safeChannels: ['phone'] })).toBeNull();
    expect(safeEmailOf({ email: 'a@example.org', safeChannels: [] })).toBeNull();
  });

  it('gives nothing when e-mail is marked safe but there is no address', () => {
    expect(safeEmailOf({ safeChannels: ['email'] })).toBeNull();
  });

  it('chooses the first supported channel that is safe and reachable', () => {
    const contact = { email: 'a@example.org', phone: '+3212345678', safeChannels: ['sms', 'email'] };
    expect(chooseChannel(contact)).toEqual({ channel: 'email', address: 'a@example.org' });
    expect(chooseChannel(contact, ['sms', 'email'])).toEqual({ channel: 'sms', address: '+3212345678' });
    expect(chooseChannel({ ...contact, safeChannels: ['phone'] })).toBeNull();
  });
});
