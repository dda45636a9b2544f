import { unusualReads, type ReadVolume } from './unusual-reads';

const volume = (actor: string, recent: number, baseline: number): ReadVolume => ({
  actor,
  role: 'mediator',
  org: 'p-1',
  recent,
  baseline,
});

describe('unusualReads', () => {
  it('names actors reading at least three times their usual volume, most unusual first', () => {
    const found = unusualReads([volume('steady', 20, 80), volume('tripled', 30, 40), volume('tenfold', 50, 20)]);
    expect(found.map((reads) => reads.actor)).toEqual(['tenfold', 'tripled']);
    expect(found[0]).toMatchObject({ recent: 50, usual: 5, ratio: 10 });
  });

  it('names a first-time reader with a large volume, and ignores a handful of reads', () => {
    const found = unusualReads([volume('new', 12, 0), volume('few', 9, 0)]);
    expect(found).toEqual([{ actor: 'new', role: 'mediator', org: 'p-1', recent: 12, usual: 0, ratio: null }]);
  });
});
