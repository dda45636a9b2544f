import { Test } from '@nestjs/testing';
import { READINESS_CHECKS, type ReadinessCheck } from '@rj/shared/service';
import { defineJob } from './job-definition';
import { handleJob, JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';
import { JobsModule } from './jobs.module';
import { deleteKeysWithPrefix, REDIS_URL, uniqueJobPrefix } from '../test/redis-prefix';

const ping = defineJob<{ id: string }>({
  name: 'ping',
  queue: 'test-module',
  options: { attempts: 1, backoff: { type: 'fixed', delay: 10 }, removeOnComplete: true, removeOnFail: true },
});

describe('JobsModule', () => {
  const prefix = uniqueJobPrefix('jobs-module');
  afterAll(() => deleteKeysWithPrefix(prefix));

  it('provides a started runner whose handlers run, and closes it with the application', async () => {
    const seen: string[] = [];
    const moduleRef = await Test.createTestingModule({
      imports: [
        JobsModule.forRootAsync({
          useFactory: () => ({
            registry: new JobRegistry([ping], [handleJob(ping, async ({ id }) => void seen.push(id))]),
            redisUrl: REDIS_URL,
            prefix,
          }),
        }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    const runner = app.get(JobRunner);
    await runner.enqueue(ping, { id: 'p-1' });
    for (let i = 0; i < 200 && seen.length === 0; i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(seen).toEqual(['p-1']);
    // The service's readiness includes the runner's Redis: up while it runs, down once closed.
    const [redis] = app.get<ReadinessCheck[]>(READINESS_CHECKS);
    expect(redis.name).toBe('redis');
    await expect(redis.check()).resolves.toBeUndefined();
    await app.close();
    await expect(runner.enqueue(ping, { id: 'p-2' })).rejects.toThrow('job runner is closed');
    await expect(redis.check()).rejects.toThrow('job runner is closed');
  });
});
