import { pino } from 'pino';
import { REDACTED } from './personal-data-fields';
import { personalDataRedaction, redactingChildren, withoutPersonalData } from './personal-data-redaction';

/** The lines a pino instance with the platform's redaction writes. */
function loggerWritingTo(lines: string[]) {
  return redactingChildren(pino({ ...personalDataRedaction }, { write: (line: string) => void lines.push(line) }));
}

function logged(object: object): Record<string, unknown> {
  const lines: string[] = [];
  loggerWritingTo(lines).info(object);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

describe('personal data in log lines', () => {
  it('is redacted at every depth a payload is logged at, a request body\u2019s included', () => {
    const line = logged({
      caseNumber: 'PRK-1',
      disclosure: { recipient: 'Jan', reasonCode: 'required_by_law' },
      body: { notes: 'afraid', parties: [{ fullName: 'Maria', role: 'victim' }] },
      headers: { authorization: 'Bearer t', cookie: 's=1', 'set-cookie': ['s=2'], accept: 'json' },
      referral: { parties: [{ email: 'm@example.org' }] },
      a: { b: { parties: [{ phone: '0612' }] } },
    });
    expect(line).toMatchObject({
      caseNumber: REDACTED,
      disclosure: { recipient: REDACTED, reasonCode: 'required_by_law' },
      body: { notes: REDACTED, parties: [{ fullName: REDACTED, role: 'victim' }] },
      headers: { authorization: REDACTED, cookie: REDACTED, 'set-cookie': REDACTED, accept: 'json' },
      referral: { parties: [{ email: REDACTED }] },
      a: { b: { parties: [{ phone: REDACTED }] } },
    });
  });

  it('is redacted deeper than the paths pino was given used to reach, and in arrays of arrays', () => {
    const line = logged({
      a: { b: { c: { d: { e: { guardian: 'Ann' } } } } },
      rows: [[{ dateOfBirth: '2001-02-03' }]],
    });
    expect(line).toMatchObject({
      a: { b: { c: { d: { e: { guardian: REDACTED } } } } },
      rows: [[{ dateOfBirth: REDACTED }]],
    });
  });

  it('is redacted from the bindings of a child logger and of its children, in every line they write', () => {
    const lines: string[] = [];
    const child = loggerWritingTo(lines).child({ party: { fullName: 'Maria' }, referralId: 'r-1' });
    child.warn('late');
    child.child({ email: 'm@example.org' }, { msgPrefix: '[x] ' }).warn('later');
    expect(JSON.parse(lines[0])).toMatchObject({ party: { fullName: REDACTED }, referralId: 'r-1', msg: 'late' });
    expect(JSON.parse(lines[1])).toMatchObject({ party: { fullName: REDACTED }, email: REDACTED, msg: '[x] later' });
  });

  it('never changes the object that was logged', () => {
    const party = { fullName: 'Maria', role: 'victim' };
    const payload = { parties: [party], id: 'r-1' };
    logged(payload);
    expect(payload).toEqual({ parties: [{ fullName: 'Maria', role: 'victim' }], id: 'r-1' });
  });

  it('answers an object without personal data as it is, not a copy', () => {
    const value = { id: 'r-1', counts: [1, 2], at: new Date(0), nested: { status: 'matching' } };
    expect(withoutPersonalData(value)).toBe(value);
  });

  it('replaces a subtree too deep to look into, and stops on a cycle', () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let level = 0; level < 20; level++) cursor = (cursor['next'] = {}) as Record<string, unknown>;
    cursor['email'] = 'm@example.org';
    expect(JSON.stringify(withoutPersonalData(deep))).not.toContain('m@example.org');

    const cyclic: Record<string, unknown> = { email: 'm@example.org' };
    cyclic['self'] = cyclic;
    expect(logged({ cyclic })).toMatchObject({ cyclic: { email: REDACTED } });
  });

  it('leaves the keys with serializers of their own to them: a raw request is not walked', () => {
    const request = {
      id: 'corr-1',
      method: 'POST',
      url: '/api/referrals',
      headers: {},
      get body(): never {
        throw new Error('the raw request was walked');
      },
    };
    const lines: string[] = [];
    redactingChildren(
      pino(
        { ...personalDataRedaction, serializers: { req: (req: { id: string }) => ({ id: req.id }) } },
        {
          write: (line: string) => void lines.push(line),
        },
      ),
    )
      .child({ req: request })
      .warn('x');
    expect(JSON.parse(lines[0])).toMatchObject({ req: { id: 'corr-1' } });
  });
});
