import { NotFound } from '@rj/shared/contracts';
import { assertOwnedBy, isOwnedBy } from './ownership';

const prosecutor = { org: 'office-1' };

describe('organisation scoping', () => {
  it('lets the owning organisation through', () => {
    expect(isOwnedBy(prosecutor, 'office-1')).toBe(true);
    expect(() => assertOwnedBy(prosecutor, 'office-1')).not.toThrow();
  });

  it('answers another organisation’s object as not found, never forbidden', () => {
    expect(isOwnedBy(prosecutor, 'office-2')).toBe(false);
    expect(() => assertOwnedBy(prosecutor, 'office-2')).toThrow(NotFound);
  });

  it('treats a caller without an organisation as owning nothing, not everything', () => {
    expect(isOwnedBy({ org: null }, null)).toBe(false);
    expect(() => assertOwnedBy({ org: null }, 'office-1')).toThrow(NotFound);
    expect(() => assertOwnedBy(prosecutor, undefined)).toThrow(NotFound);
  });

  it('keeps the message generic unless the caller chooses one', () => {
    expect(() => assertOwnedBy(prosecutor, 'office-2')).toThrow('Not found');
    expect(() => assertOwnedBy(prosecutor, 'office-2', 'Referral r-1 not found')).toThrow('Referral r-1 not found');
  });
});
