import { expect } from '@jest/globals';
import { qualifyingPractice } from '@rj/scheduling/domain';
import type { SchedulingHarness } from './scheduling-harness';

/**
 * Records and verifies what makes `sub` proposable for any case (issue 22): the partner's admin
 * records, a platform admin verifies. Tests about cases call it for every mediator they propose.
 */
export async function qualifyMediator(
  harness: SchedulingHarness,
  partnerAdmin: string,
  sub: string,
  options: Parameters<typeof qualifyingPractice>[0] = {},
): Promise<string[]> {
  const admin = harness.service.token('admin', null, 'admin-practice');
  const ids: string[] = [];
  for (const call of qualifyingPractice(options)) {
    const recorded = await harness.service.request('POST', `/api/mediators/${sub}/${call.path}`, {
      token: partnerAdmin,
      body: call.body,
    });
    expect(recorded.status).toBe(201);
    ids.push(recorded.body.id);
    if (call.verify)
      expect(
        (
          await harness.service.request('POST', `/api/practice-records/${recorded.body.id}/verification`, {
            token: admin,
          })
        ).status,
      ).toBe(200);
  }
  return ids;
}
