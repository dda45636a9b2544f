import { parseAllowedRanges, refusalOf } from './destination-policy';

describe('webhook destinations (server-side request forgery)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.20.0.5', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.1.1', 'link_local'],
    ['fe80::1', 'link_local'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['not-an-ip', 'not_an_address'],
  ])('refuses %s as %s', (address, reason) => {
    expect(refusalOf(address)).toBe(reason);
  });

  it.each(['93.184.215.14', '2606:4700::1111', '8.8.8.8'])('allows the public address %s', (address) => {
    expect(refusalOf(address)).toBeUndefined();
  });

  it("lets an operator's range through, and only that range", () => {
    const allowed = parseAllowedRanges('127.0.0.1/32, 10.20.0.0/16');
    expect(refusalOf('127.0.0.1', allowed)).toBeUndefined();
    expect(refusalOf('::ffff:127.0.0.1', allowed)).toBeUndefined();
    expect(refusalOf('10.20.3.4', allowed)).toBeUndefined();
    expect(refusalOf('127.0.0.2', allowed)).toBe('loopback');
    expect(refusalOf('169.254.169.254', allowed)).toBe('metadata');
  });

  it('refuses a malformed range with a line that names it', () => {
    expect(() => parseAllowedRanges('127.0.0.1')).toThrow('127.0.0.1 is not a CIDR range');
    expect(() => parseAllowedRanges('10.0.0.0/33')).toThrow('10.0.0.0/33');
  });
});
