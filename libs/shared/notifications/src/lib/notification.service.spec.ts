import type { JobRunner } from '@rj/shared/jobs';
import type { DataSource, EntityManager } from 'typeorm';
import { InvalidNotificationError, NotificationService } from './notification.service';

const CIPHERTEXT = `pii:1:6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f:${'A'.repeat(40)}`;
const REFERRAL = '0b7e6d9c-1f2a-4b3c-8d4e-5f6a7b8c9d0e';

describe('NotificationService.queueEmail', () => {
  const insert = jest.fn();
  const manager = { insert } as unknown as EntityManager;
  const service = new NotificationService({} as DataSource, {} as JobRunner);
  const base = { kind: 'session.reminder', subject: 'Your session on 12 March', body: 'See you at 10:00.' };

  beforeEach(() => insert.mockReset());

  it('writes a pending row with the manager it was given and returns its id', async () => {
    const id = await service.queueEmail(manager, { ...base, to: 'office@rj.example' });
    expect(insert).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ id, status: 'pending', recipientIsEncrypted: false }),
    );
  });

  it('refuses an encrypted recipient without its referral, whose key decrypts it', async () => {
    await expect(service.queueEmail(manager, { ...base, to: CIPHERTEXT, encrypted: true })).rejects.toThrow(
      InvalidNotificationError,
    );
    await expect(
      service.queueEmail(manager, { ...base, to: CIPHERTEXT, encrypted: true, referralId: REFERRAL }),
    ).resolves.toEqual(expect.any(String));
  });

  it('refuses ciphertext passed as a plain address, and plain text passed as ciphertext', async () => {
    await expect(service.queueEmail(manager, { ...base, to: CIPHERTEXT })).rejects.toThrow(InvalidNotificationError);
    await expect(
      service.queueEmail(manager, { ...base, to: 'a@b.example', encrypted: true, referralId: REFERRAL }),
    ).rejects.toThrow(InvalidNotificationError);
    expect(insert).not.toHaveBeenCalled();
  });
});
