/**
 * Money as a decimal string plus an ISO 4217 code (api.md: `{ "amount": "120.00", "currency":
 * "EUR" }`, never a float). Arithmetic runs on integer minor units (bigint), so 0.10 + 0.20 is
 * exactly 0.30 and sums over a whole programme cannot drift.
 */
export interface Money {
  amount: string;
  currency: string;
}

/**
 * Currencies whose minor unit is not the cent. Only zero-decimal ones are listed: the event
 * contracts carry at most two decimals, so three-decimal currencies (KWD, BHD…) would need a
 * contract change first and are kept at two here.
 */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
};

const CURRENCY = /^[A-Z]{3}$/;
const DECIMAL = /^(\d{1,15})(?:\.(\d+))?$/;

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && CURRENCY.test(value);
}

export function minorDigits(currency: string): number {
  if (!isCurrencyCode(currency)) throw new RangeError(`not an ISO 4217 currency code: ${JSON.stringify(currency)}`);
  return MINOR_DIGITS[currency] ?? 2;
}

/** Integer minor units of a decimal string; refuses more decimals than the currency has. */
export function toMinorUnits(amount: string, currency: string): bigint {
  const digits = minorDigits(currency);
  const match = typeof amount === 'string' ? DECIMAL.exec(amount) : null;
  if (!match) throw new RangeError(`not a non-negative decimal amount: ${JSON.stringify(amount)}`);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    throw new RangeError(`${currency} has ${digits} decimal place(s); got ${JSON.stringify(amount)}`);
  }
  return BigInt(match[1] + fraction.padEnd(digits, '0'));
}

/** Minor units back to the canonical decimal string (`12050n`, EUR → `"120.50"`). */
export function fromMinorUnits(minor: bigint, currency: string): Money {
  const digits = minorDigits(currency);
  if (minor < 0n) throw new RangeError('money amounts are never negative here');
  const text = minor.toString().padStart(digits + 1, '0');
  const amount = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return { amount, currency };
}

/** Validates and normalises (`"5"` EUR → `"5.00"`). Throws RangeError on bad input. */
export function parseMoney(money: Money): Money {
  return fromMinorUnits(toMinorUnits(money.amount, money.currency), money.currency);
}

export function isValidMoney(money: unknown): money is Money {
  try {
    parseMoney(money as Money);
    return true;
  } catch {
    return false;
  }
}

export function zeroMoney(currency: string): Money {
  return fromMinorUnits(0n, currency);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`cannot combine ${a.currency} with ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return fromMinorUnits(toMinorUnits(a.amount, a.currency) + toMinorUnits(b.amount, b.currency), a.currency);
}

/** -1, 0 or 1; amounts in different currencies are not comparable and throw. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  const [x, y] = [toMinorUnits(a.amount, a.currency), toMinorUnits(b.amount, b.currency)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isPositiveMoney(money: Money): boolean {
  return toMinorUnits(money.amount, money.currency) > 0n;
}
