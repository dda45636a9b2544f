import { isValidMediatorSub } from './mediator-sub';

describe('isValidMediatorSub', () => {
  it.each([
    'mediator-anna',
    '0190a000-0000-7000-8000-0000000000ee',
    'auth0|5f7c8ec7c33c6c004bbafe82',
    'anna@partner.example',
    '12345',
    'a',
    'x'.repeat(100),
  ])('accepts %s', (sub) => expect(isValidMediatorSub(sub)).toBe(true));

  it.each([
    '',
    'x'.repeat(101),
    '=HYPERLINK("x")',
    '+1',
    '-1',
    '@SUM(A1)',
    '\tcmd',
    'anna mediator',
    'a,b',
    'a"b',
    'a/b',
    'line\nbreak',
    'system:outcome-tracking',
    '.hidden',
    'ünïcode',
  ])('refuses %j', (sub) => expect(isValidMediatorSub(sub)).toBe(false));
});
