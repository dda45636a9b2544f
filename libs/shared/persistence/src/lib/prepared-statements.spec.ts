import { isPreparable, nameOnceFrequent, PREPARE_FROM_USE, statementName } from './prepared-statements';

describe('which statements stay prepared', () => {
  it('keeps a parameterised statement that names its columns', () => {
    expect(isPreparable('select id, status from offer where id = $1', ['x'])).toBe(true);
    expect(isPreparable('select count(*) from offer where status = $1', ['pending'])).toBe(true);
  });

  it('never a statement without parameters: it may hold several statements (the simple protocol)', () => {
    expect(isPreparable('select 1; select 2', undefined)).toBe(false);
    expect(isPreparable('select id from offer', [])).toBe(false);
  });

  it('never a star projection, whose row type a migration adding a column would change under the plan', () => {
    expect(isPreparable('select * from offer where id = $1', ['x'])).toBe(false);
    expect(isPreparable('SELECT DISTINCT * FROM offer WHERE id = $1', ['x'])).toBe(false);
    expect(isPreparable('select o.* from offer o where o.id = $1', ['x'])).toBe(false);
    expect(isPreparable('update offer set status = $2 where id = $1 returning *', ['x', 'y'])).toBe(false);
  });
});

describe('statement names', () => {
  it('are the same for the same text in every process, and within Postgres’s 63 bytes', () => {
    const text = 'select id from offer where id = $1';
    expect(statementName(text)).toBe(statementName(text));
    expect(statementName(text)).not.toBe(statementName(`${text} `));
    expect(Buffer.byteLength(statementName(text))).toBeLessThanOrEqual(63);
  });

  it('are handed out from the third use of a text on', () => {
    const text = `select id from offer where id = $1 -- ${Math.random()}`;
    const names = Array.from({ length: PREPARE_FROM_USE + 1 }, () => nameOnceFrequent(text));
    expect(names.slice(0, PREPARE_FROM_USE - 1)).toEqual([null, null]);
    expect(names.slice(PREPARE_FROM_USE - 1)).toEqual([statementName(text), statementName(text)]);
  });
});
