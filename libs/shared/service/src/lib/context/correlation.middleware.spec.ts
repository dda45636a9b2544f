import { CORRELATION_ID_MAX_LENGTH } from '@rj/shared/contracts';
import { CORRELATION_HEADER, resolveCorrelationId } from './correlation.middleware';

const resolve = (sent: string) => {
  const headers: Record<string, string> = {};
  const id = resolveCorrelationId(
    { headers: { [CORRELATION_HEADER]: sent } },
    { setHeader: (name, value) => (headers[name] = value) },
  );
  return { id, echoed: headers[CORRELATION_HEADER] };
};

describe('correlation id at the edge (issue 14 item 13: one limit, checked once)', () => {
  it('holds the edge to the envelope\u2019s limit of 100 characters', () => {
    expect(CORRELATION_ID_MAX_LENGTH).toBe(100);
  });

  it('keeps a caller\u2019s id of up to 100 characters', () => {
    const id = 'a'.repeat(100);
    expect(resolve(id)).toEqual({ id, echoed: id });
  });

  it.each([101, 120, 128, 129])('replaces an id of %i characters with a fresh one, and says which', (length) => {
    const { id, echoed } = resolve('b'.repeat(length));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(echoed).toBe(id);
  });

  it('replaces an id with characters it does not log', () => {
    expect(resolve('abc def\n').id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
