import { activeItem, navigationFor } from './page-context';

describe('the navigation', () => {
  it('marks one section: the most specific', () => {
    const items = navigationFor('prosecutor');
    expect(activeItem(items, '/referrals/new')?.text).toBe('Submit a referral');
    expect(activeItem(items, '/referrals/0190a3b4-0000-7000-8000-000000000001')?.text).toBe('Referrals');
    expect(activeItem(items, '/')?.text).toBe('Home');
  });

  it('gives administrators their sections and nobody else', () => {
    expect(navigationFor('admin').map((item) => item.href)).toContain('/admin/review-queue');
    expect(navigationFor('prosecutor').map((item) => item.href)).not.toContain('/admin/review-queue');
  });
});
