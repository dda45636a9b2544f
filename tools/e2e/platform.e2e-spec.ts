import { createTestTopics, type TestTopics } from '@rj/shared/testing';
import { SERVICE_NAMES, startPlatform, type RunningPlatform } from './platform';

describe('the platform as five real processes', () => {
  let topics: TestTopics;
  let platform: RunningPlatform;

  beforeAll(async () => {
    topics = await createTestTopics();
    platform = await startPlatform({ topicPrefix: topics.prefix });
  });

  afterAll(async () => {
    await platform?.stop();
    await topics?.delete();
  });

  it('starts every service ready against its own database and the shared broker', async () => {
    for (const service of SERVICE_NAMES) {
      const ready = await platform.request(service, 'GET', '/health/ready');
      expect({ service, status: ready.status }).toEqual({ service, status: 200 });
    }
  });

  it('keeps the key store off the public port', async () => {
    const publicKeyRoute = await platform.request(
      'referral-intake',
      'GET',
      `/internal/keys/${'0'.repeat(8)}-0000-7000-8000-000000000000`,
      {
        token: platform.token('service'),
      },
    );
    expect(publicKeyRoute.status).toBe(404);
  });
});
