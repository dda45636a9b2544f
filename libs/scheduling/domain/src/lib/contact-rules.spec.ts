import { InvalidInput } from '@rj/shared/contracts';
import { assertContactConsistent } from './contact-rules';

describe('a participant’s contact and safe channels', () => {
  it('accepts channels the participant can be reached on, and none at all', () => {
    expect(() =>
      assertContactConsistent({ email: 'a@example.org', phone: '+31 6 1', safeChannels: ['email', 'sms', 'phone'] }),
    ).not.toThrow();
    expect(() => assertContactConsistent({ email: null, phone: null, safeChannels: [] })).not.toThrow();
  });

  it('refuses e-mail without an address and calls or texts without a number', () => {
    const fields = (contact: Parameters<typeof assertContactConsistent>[0]) => {
      try {
        assertContactConsistent(contact);
        return [];
      } catch (error) {
        return (error as InvalidInput).errors.map((e) => e.field);
      }
    };
    expect(fields({ email: null, phone: '+1', safeChannels: ['email'] })).toEqual(['email']);
    expect(fields({ email: 'a@example.org', phone: null, safeChannels: ['sms'] })).toEqual(['phone']);
    expect(fields({ email: 'a@example.org', phone: null, safeChannels: ['email', 'email'] })).toEqual(['safeChannels']);
  });
});
