import { uuidv7 } from '@rj/shared/contracts';
import { MatchingHarness, startMatchingHarness } from './test/matching-harness';

describe('partner-matching service', () => {
  let kit: MatchingHarness;

  beforeAll(async () => {
    kit = await startMatchingHarness();
  });

  afterAll(() => kit?.close());

  it('is ready once its database, Kafka and Redis answer', async () => {
    const ready = await kit.service.request('GET', '/health/ready');
    expect(ready).toMatchObject({ status: 200, body: { checks: { postgres: 'up', kafka: 'up', redis: 'up' } } });
  });

  it('documents its API, with the contract paths', async () => {
    const docs = await kit.service.request('GET', '/api/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/partners',
        '/api/partners/{id}',
        '/api/offers',
        '/api/offers/{id}/accept',
        '/api/offers/{id}/decline',
        '/api/referrals/{id}/match',
      ]),
    );
  });

  it('reports its matching figures on /metrics', async () => {
    const metrics = await kit.service.request('GET', '/metrics', { internal: true });
    expect(metrics.status).toBe(200);
    expect(String(metrics.body)).toContain('matching_ranking_duration_seconds');
  });

  it('answers a malformed id with a 400, never a 500', async () => {
    const response = await kit.service.request('GET', '/api/partners/not-a-uuid', { token: kit.adminToken });
    expect(response.status).toBe(400);
    expect((await kit.service.request('GET', `/api/partners/${uuidv7()}`, { token: kit.adminToken })).status).toBe(404);
  });
});
