import type { EntityManager } from 'typeorm';
import { RunBatches, type RunBatch } from './run-batch';

const written: string[][] = [];

class Ids implements RunBatch {
  private readonly ids: string[] = [];
  add(id: string): void {
    this.ids.push(id);
  }
  async flush(): Promise<void> {
    written.push(this.ids.splice(0));
  }
}

const manager = {} as EntityManager;

describe('RunBatches', () => {
  beforeEach(() => (written.length = 0));

  it('gives every handler of a run the same batch of a kind, and writes it once', async () => {
    const batches = new RunBatches();
    batches.get(Ids).add('a');
    batches.get(Ids).add('b');
    await batches.flush(manager);
    expect(written).toEqual([['a', 'b']]);
    // Flushed batches are gone: the next handler starts a new one.
    batches.get(Ids).add('c');
    await batches.flush(manager);
    expect(written).toEqual([['a', 'b'], ['c']]);
  });

  it('drops what a failed handler gathered', async () => {
    const batches = new RunBatches();
    batches.get(Ids).add('of the failed handler');
    batches.discard();
    await batches.flush(manager);
    expect(written).toEqual([]);
  });
});
