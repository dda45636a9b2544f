import { MATCHING_DATABASE } from '@rj/matching/data-access';
import { startTestService, type TestService } from '@rj/shared/testing';
import { appModule } from './app.module';
import { PartnerMatchingEnv } from './partner-matching.env';

describe('partner-matching service', () => {
  let service: TestService<PartnerMatchingEnv>;

  beforeAll(async () => {
    service = await startTestService({ name: 'partner-matching', Env: PartnerMatchingEnv, appModule, database: MATCHING_DATABASE });
  });

  afterAll(() => service?.close());

  it('is ready once its database and Kafka answer', async () => {
    const ready = await service.request('GET', '/health/ready');
    expect(ready).toMatchObject({ status: 200, body: { checks: { postgres: 'up', kafka: 'up' } } });
  });
});
