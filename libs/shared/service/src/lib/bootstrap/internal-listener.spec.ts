import { internalListenerOf } from './internal-listener';

describe('internalListenerOf (issue 14 item 18)', () => {
  it('puts the internal listener 1000 above the public port unless INTERNAL_PORT says otherwise', () => {
    expect(internalListenerOf({ PORT: 3003, INTERNAL_HOST: '0.0.0.0' })).toEqual({ port: 4003, host: '0.0.0.0' });
    expect(internalListenerOf({ PORT: 3001, INTERNAL_HOST: '127.0.0.1' })).toEqual({ port: 4001, host: '127.0.0.1' });
    expect(internalListenerOf({ PORT: 3003, INTERNAL_PORT: 9103, INTERNAL_HOST: '127.0.0.1' }).port).toBe(9103);
  });

  it('takes a free port when the public one is free (tests), and an explicit override first', () => {
    expect(internalListenerOf({ PORT: 0, INTERNAL_HOST: '127.0.0.1' }).port).toBe(0);
    expect(
      internalListenerOf({ PORT: 3003, INTERNAL_PORT: 4003, INTERNAL_HOST: '127.0.0.1' }, { port: 0, host: '::1' }),
    ).toEqual({ port: 0, host: '::1' });
  });

  it('refuses to share the public port', () => {
    expect(() => internalListenerOf({ PORT: 3003, INTERNAL_PORT: 3003, INTERNAL_HOST: '127.0.0.1' })).toThrow(
      /must differ from PORT/,
    );
  });
});
