/**
 * The front door in front of the five real services (processes on the real infrastructure):
 * - the documents built offline for the merged OpenAPI document (tools/contracts) are the very
 *   ones the running services serve at /api/docs-json, so the merge describes what answers;
 * - a write and a read through the front door reach the service with the caller's token,
 *   Idempotency-Key and correlation id, and a service's own problem+json comes back unchanged;
 * - the outcome of a case goes to outcome-tracking and its sessions to mediation-scheduling.
 */
import { createTestTopics, type TestTopics } from '@rj/shared/testing';
import { buildServiceDocument } from '../contracts/service-documents';
import { SERVICE_NAMES, startPlatform, type RunningPlatform } from '../e2e/platform';
import { startFrontDoor, type RunningFrontDoor } from './server';

describe('front door in front of the running services', () => {
  let topics: TestTopics;
  let platform: RunningPlatform;
  let frontDoor: RunningFrontDoor;

  beforeAll(async () => {
    topics = await createTestTopics();
    platform = await startPlatform({ topicPrefix: topics.prefix });
    frontDoor = await startFrontDoor({ port: 0, upstreams: platform.urls });
  }, 240_000);

  afterAll(async () => {
    await frontDoor?.close();
    await platform?.stop();
    await topics?.delete();
  }, 60_000);

  it('merges the documents the services serve: the offline build equals each live /api/docs-json', async () => {
    for (const service of SERVICE_NAMES) {
      const live = (await platform.request(service, 'GET', '/api/docs-json')).body;
      expect({ service, document: await buildServiceDocument(service) }).toEqual({ service, document: live });
    }
  });

  it('carries a write and a read with the token, the Idempotency-Key and the correlation id', async () => {
    const admin = platform.token('admin', null, 'admin-front-door');
    const headers = {
      authorization: `Bearer ${admin}`,
      'content-type': 'application/json',
      'idempotency-key': 'front-door-office-1',
      'x-correlation-id': 'front-door-e2e-1',
    };
    const body = JSON.stringify({
      name: 'Office through the front door',
      jurisdictions: ['FD-1'],
      contact: { email: 'front@prosecutor.example' },
    });
    const created = await fetch(`${frontDoor.url}/api/offices`, { method: 'POST', headers, body });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBe('front-door-e2e-1');
    const office = (await created.json()) as { id: string; name: string };
    // The same key again: the service answers with the first result, so the key passed through.
    const replayed = await fetch(`${frontDoor.url}/api/offices`, { method: 'POST', headers, body });
    expect(((await replayed.json()) as { id: string }).id).toBe(office.id);
    const read = await fetch(`${frontDoor.url}/api/offices/${office.id}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(await read.json()).toMatchObject({ id: office.id, name: 'Office through the front door' });
  });

  it("routes a case's outcome to outcome-tracking and its sessions to scheduling, passing their problems through", async () => {
    const mediator = platform.token('mediator', '0f8fad5b-d9cb-469f-a165-70867728950e', 'mediator-front-door');
    const unknownCase = 'c56a4180-65aa-42ec-a945-5fd21dec0538';
    for (const path of [`/api/cases/${unknownCase}/sessions`, `/api/cases/${unknownCase}/outcome`]) {
      const correlation = { 'x-correlation-id': `front-door-${path.split('/').pop()}` };
      const viaDoor = await fetch(`${frontDoor.url}${path}`, {
        headers: { authorization: `Bearer ${mediator}`, ...correlation },
      });
      const service = path.endsWith('/sessions') ? 'mediation-scheduling' : 'outcome-tracking';
      const direct = await platform.request(service, 'GET', path, { token: mediator, headers: correlation });
      expect({
        path,
        status: viaDoor.status,
        type: viaDoor.headers.get('content-type'),
        body: await viaDoor.json(),
      }).toEqual({
        path,
        status: direct.status,
        type: expect.stringContaining('application/problem+json'),
        body: direct.body,
      });
    }
  });
});
