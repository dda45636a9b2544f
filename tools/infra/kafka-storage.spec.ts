const { newClusterId, formatCommand } = require('./kafka');

describe('a local broker: the cluster id its storage is formatted with', () => {
  it('never starts with a dash, which the storage tool would read as an option', () => {
    // A first draw whose URL-safe base64 starts with '-' (0xfb → "-w"), then an ordinary one.
    const dashFirst = Buffer.alloc(16, 0);
    dashFirst[0] = 0xfb;
    const ordinary = Buffer.alloc(16, 7);
    const buffers = [dashFirst, ordinary];
    expect(dashFirst.toString('base64url').startsWith('-')).toBe(true);

    const id = newClusterId(() => buffers.shift());

    expect(id).toBe(ordinary.toString('base64url').slice(0, 22));
    expect(buffers).toHaveLength(0);
  });

  it('is 22 URL-safe base64 characters, as Kafka writes a cluster id', () => {
    for (let i = 0; i < 200; i++) expect(newClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });

  it('travels as one token, so even an id starting with a dash is never parsed as an option', () => {
    const command: string[] = formatCommand({
      clusterId: '-w4uZYGHsRy2Xx6pKMnq0A',
      propsFile: '/data/server.properties',
      log4jFile: '/data/log4j2.properties',
    });
    expect(command).toContain('--cluster-id=-w4uZYGHsRy2Xx6pKMnq0A');
    expect(command).not.toContain('-t');
    // The broker files name the quorum's voters, with which the tool refuses --standalone.
    expect(command.slice(-4)).toEqual([
      'format',
      '--cluster-id=-w4uZYGHsRy2Xx6pKMnq0A',
      '-c',
      '/data/server.properties',
    ]);
  });
});
