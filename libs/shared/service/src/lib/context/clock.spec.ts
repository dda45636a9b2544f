import { Clock } from './clock';

describe('Clock', () => {
  it('reads the system clock until a test fixes it, and gives today as a UTC date', () => {
    const clock = new Clock();
    const before = Date.now();
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
    clock.set(new Date('2026-03-01T23:30:00-02:00'));
    expect(clock.now().toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect(clock.today()).toBe('2026-03-02');
    clock.set(null);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
  });

  it('cannot be moved outside tests', () => {
    const env = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'production';
    try {
      expect(() => new Clock().set(new Date())).toThrow(/only in tests/);
    } finally {
      process.env['NODE_ENV'] = env;
    }
  });
});
