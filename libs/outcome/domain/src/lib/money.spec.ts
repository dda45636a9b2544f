import { addMoney, compareMoney, isCurrencyCode, minorDigits, parseMoney, toMinorUnits } from './money';

describe('money', () => {
  it.each([
    [{ amount: '120', currency: 'EUR' }, '120.00'],
    [{ amount: '0.1', currency: 'EUR' }, '0.10'],
    [{ amount: '5000', currency: 'JPY' }, '5000'],
    [{ amount: '007.50', currency: 'USD' }, '7.50'],
  ])('normalises %j to %s', (money, amount) => {
    expect(parseMoney(money)).toEqual({ amount, currency: money.currency });
  });

  it.each([
    [{ amount: '1.005', currency: 'EUR' }, /2 decimal/],
    [{ amount: '10.5', currency: 'JPY' }, /0 decimal/],
    [{ amount: '-1.00', currency: 'EUR' }, /decimal amount/],
    [{ amount: '1e3', currency: 'EUR' }, /decimal amount/],
    [{ amount: '1.00', currency: 'eur' }, /ISO 4217/],
    [{ amount: '1.00', currency: 'EURO' }, /ISO 4217/],
  ])('refuses %j', (money, message) => {
    expect(() => parseMoney(money)).toThrow(message);
  });

  it('adds in integer minor units, so 0.10 + 0.20 is exactly 0.30', () => {
    expect(addMoney({ amount: '0.10', currency: 'EUR' }, { amount: '0.20', currency: 'EUR' })).toEqual({
      amount: '0.30',
      currency: 'EUR',
    });
    expect(toMinorUnits('999999999999999.99', 'EUR')).toBe(99999999999999999n);
  });

  it('compares amounts and refuses to mix currencies', () => {
    expect(compareMoney({ amount: '10', currency: 'EUR' }, { amount: '9.99', currency: 'EUR' })).toBe(1);
    expect(compareMoney({ amount: '10', currency: 'EUR' }, { amount: '10.00', currency: 'EUR' })).toBe(0);
    expect(() => addMoney({ amount: '1', currency: 'EUR' }, { amount: '1', currency: 'USD' })).toThrow(/EUR with USD/);
  });

  it('knows zero-decimal currencies and defaults to two decimals', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KRW')).toBe(0);
    expect(minorDigits('CHF')).toBe(2);
    expect(isCurrencyCode('GBP')).toBe(true);
    expect(isCurrencyCode('gbp')).toBe(false);
  });
});
