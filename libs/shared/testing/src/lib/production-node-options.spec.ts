import { nodeOptionsOfDockerfile, productionNodeOptions } from './production-node-options';

describe('nodeOptionsOfDockerfile', () => {
  it('reads the quoted NODE_OPTIONS of an ENV instruction spread over continued lines', () => {
    const dockerfile = [
      'FROM node AS runtime',
      'ENV NODE_ENV=production \\',
      '    NODE_OPTIONS="--max-semi-space-size=8 --max-old-space-size=256"',
      'CMD ["node", "main.js"]',
    ].join('\n');
    expect(nodeOptionsOfDockerfile(dockerfile)).toBe('--max-semi-space-size=8 --max-old-space-size=256');
  });

  it('refuses a Dockerfile without them rather than running a bench without production flags', () => {
    expect(() => nodeOptionsOfDockerfile('FROM node\nENV NODE_ENV=production')).toThrow(/no NODE_OPTIONS/);
  });

  it("finds the project's Dockerfile capping both V8 generations (issue 15: < 200 MB RSS a service)", () => {
    expect(productionNodeOptions()).toMatch(/--max-old-space-size=\d+/);
    expect(productionNodeOptions()).toMatch(/--max-semi-space-size=\d+/);
  });
});
