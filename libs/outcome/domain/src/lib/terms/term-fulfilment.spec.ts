import { InvalidInput, RuleViolation } from '@rj/shared/contracts';
import { applyProgress } from './term-fulfilment';
import { apology, restitution, service } from './term.fixtures';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describe('applyProgress', () => {
  it('fulfils restitution when the payments reach the amount agreed', () => {
    const first = applyProgress(restitution(), { amount: eur('100') });
    expect(first).toMatchObject({ fulfilled: false, term: { paid: eur('100.00') } });
    const last = applyProgress(first.term, { amount: eur('200.00') });
    expect(last).toMatchObject({ fulfilled: true, term: { paid: eur('300.00'), fulfilled: true } });
  });

  it('refuses an over-payment as no_overpayment', () => {
    const attempt = () => applyProgress(restitution('250.00'), { amount: eur('50.01') });
    expect(attempt).toThrow(RuleViolation);
    expect(attempt).toThrow(expect.objectContaining({ rule: 'no_overpayment' }));
  });

  it('fulfils community service when the hours are reached, with fractional hours summed exactly', () => {
    let term = service(0, 0.3);
    term = applyProgress(term, { hours: 0.1 }).term as typeof term;
    const result = applyProgress(term, { hours: 0.2 });
    expect(result).toMatchObject({ fulfilled: true, term: { hoursDone: 0.3 } });
  });

  it('refuses more hours than agreed as no_overpayment', () => {
    expect(() => applyProgress(service(19.5), { hours: 1 })).toThrow(
      expect.objectContaining({ rule: 'no_overpayment' }),
    );
  });

  it('fulfils an apology letter, programme or other term when recorded as done', () => {
    expect(applyProgress(apology(), { done: true })).toMatchObject({ fulfilled: true, term: { fulfilled: true } });
    expect(() => applyProgress(apology(), {})).toThrow(InvalidInput);
  });

  it('rejects progress on a term already fulfilled', () => {
    const fulfilled = applyProgress(apology(), { done: true }).term;
    expect(() => applyProgress(fulfilled, { done: true })).toThrow(
      expect.objectContaining({ rule: 'term_already_fulfilled' }),
    );
  });

  it.each([
    ['hours on restitution', restitution(), { hours: 1 }],
    ['an amount on community service', service(), { amount: eur('1') }],
    ['a payment in another currency', restitution(), { amount: { amount: '1', currency: 'USD' } }],
    ['a zero payment', restitution(), { amount: eur('0') }],
    ['no payment at all', restitution(), {}],
    ['negative hours', service(), { hours: -1 }],
  ])('refuses %s as invalid input', (_name, term, progress) => {
    expect(() => applyProgress(term, progress)).toThrow(InvalidInput);
  });
});
