import { pino } from 'pino';
import { REDACTED, REDACT_PATHS } from './redact-paths';

/** One line logged by a pino instance configured with the platform's redaction. */
function logged(object: object): Record<string, unknown> {
  const lines: string[] = [];
  pino({ redact: { paths: REDACT_PATHS, censor: REDACTED } }, { write: (line: string) => void lines.push(line) }).info(
    object,
  );
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

describe('REDACT_PATHS', () => {
  it('redacts personal data at every depth a payload is logged at, a request body\u2019s included', () => {
    const line = logged({
      caseNumber: 'PRK-1',
      disclosure: { recipient: 'Jan', reasonCode: 'required_by_law' },
      req: {
        body: { notes: 'afraid', parties: [{ fullName: 'Maria', role: 'victim' }] },
        headers: { authorization: 'Bearer t', cookie: 's=1' },
      },
      referral: { parties: [{ email: 'm@example.org' }] },
      a: { b: { parties: [{ phone: '0612' }] } },
    });
    expect(line).toMatchObject({
      caseNumber: REDACTED,
      disclosure: { recipient: REDACTED, reasonCode: 'required_by_law' },
      req: {
        body: { notes: REDACTED, parties: [{ fullName: REDACTED, role: 'victim' }] },
        headers: { authorization: REDACTED, cookie: REDACTED },
      },
      referral: { parties: [{ email: REDACTED }] },
      a: { b: { parties: [{ phone: REDACTED }] } },
    });
  });

  it('spells out no path that a wildcard path already covers (each one costs on every logged key)', () => {
    expect(REDACT_PATHS.filter((path) => path.startsWith('req.body.'))).toEqual([]);
    expect(new Set(REDACT_PATHS).size).toBe(REDACT_PATHS.length);
  });
});
