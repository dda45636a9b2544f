import { isPersonalParameter, serializeRequest, serializeResponse, urlForLog } from './request-log';

describe('what a log line keeps of a request', () => {
  it('keeps the correlation id, method, URL and peer, and no header, query object or params', () => {
    const serialized = {
      id: 'corr-1',
      method: 'POST',
      url: '/api/referrals',
      query: { fullName: 'Maria Example' },
      params: { id: '42' },
      headers: { authorization: 'Bearer secret-token', cookie: 'session=s3cret', 'user-agent': 'curl' },
      remoteAddress: '10.0.0.7',
      remotePort: 51234,
    };
    expect(serializeRequest(serialized)).toStrictEqual({
      id: 'corr-1',
      method: 'POST',
      url: '/api/referrals',
      remoteAddress: '10.0.0.7',
    });
  });

  it('redacts the values of personal-data query parameters and keeps the others', () => {
    expect(urlForLog('/api/referrals?status=matching&fullName=Maria%20Example&cursor=abc')).toBe(
      '/api/referrals?status=matching&fullName=[redacted]&cursor=abc',
    );
    expect(urlForLog('/api/x?parties%5B0%5D%5Bemail%5D=m%40example.org&a.phone=0612')).toBe(
      '/api/x?parties%5B0%5D%5Bemail%5D=[redacted]&a.phone=[redacted]',
    );
    expect(urlForLog('/api/referrals')).toBe('/api/referrals');
    expect(urlForLog('/api/referrals?notes')).toBe('/api/referrals?notes');
  });

  it('knows a personal-data parameter by any segment of its name, and a malformed one by its text', () => {
    expect(isPersonalParameter('caseNumber')).toBe(true);
    expect(isPersonalParameter('parties[1][dateOfBirth]')).toBe(true);
    expect(isPersonalParameter('%E0%A4%A')).toBe(false);
    expect(isPersonalParameter('reasonCode')).toBe(false);
  });

  it('keeps a response\u2019s status and none of its headers', () => {
    expect(serializeResponse({ statusCode: 201, headers: { 'set-cookie': 'a=b' } } as never)).toStrictEqual({
      statusCode: 201,
    });
  });
});
