/** The reporter is plain CommonJS: jest loads it by path, before any TypeScript loader. */
const { slowestFiles } = require('./slowest-files') as {
  slowestFiles: (
    results: { testFilePath: string; perfStats: { start: number; end: number } }[],
    rootDir: string,
    count: number,
  ) => { file: string; seconds: number }[];
};

const result = (file: string, start: number, end: number) => ({
  testFilePath: `/repo/${file}`,
  perfStats: { start, end },
});

describe('the slowest test files of a run', () => {
  it('lists them slowest first, relative to the root, in seconds, at most as many as asked', () => {
    const results = [result('a.spec.ts', 0, 1500), result('b.spec.ts', 0, 42_000), result('c.spec.ts', 100, 9100)];
    expect(slowestFiles(results, '/repo', 2)).toEqual([
      { file: 'b.spec.ts', seconds: 42 },
      { file: 'c.spec.ts', seconds: 9 },
    ]);
  });

  it('leaves out files that never ran (a failure to load them has no time)', () => {
    expect(slowestFiles([result('a.spec.ts', 0, 0), result('b.spec.ts', 0, 10)], '/repo', 5)).toEqual([
      { file: 'b.spec.ts', seconds: 0.01 },
    ]);
  });
});
