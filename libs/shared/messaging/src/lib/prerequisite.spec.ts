import { MissingPrerequisite, prerequisiteKey } from './prerequisite';

describe('MissingPrerequisite', () => {
  it('says what it waits for, is an Error, and carries no stack frames', () => {
    const signal = new MissingPrerequisite(prerequisiteKey('referral', 'r-1'));
    expect(signal).toBeInstanceOf(Error);
    expect(signal).toMatchObject({
      key: 'referral:r-1',
      name: 'MissingPrerequisite',
      message: 'waiting for referral:r-1',
    });
    expect(signal.stack?.split('\n').filter((line) => line.trim().startsWith('at '))).toEqual([]);
  });

  it('leaves the stack of every other error as it was', () => {
    const limit = Error.stackTraceLimit;
    new MissingPrerequisite('case:c-1');
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('a fault').stack).toMatch(/\n\s+at /);
  });
});
