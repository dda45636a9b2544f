import { notificationEntities, notificationMigrations } from '@rj/shared/notifications';
import { createScratchDatabase, type ScratchDatabase } from '@rj/shared/testing';
import { webhookEntities, webhookMigrations } from '../index';

/** A database of the suite's own with the webhook and notification tables. */
export function createWebhookDatabase(prefix: string): Promise<ScratchDatabase> {
  return createScratchDatabase(prefix, {
    entities: [...webhookEntities, ...notificationEntities],
    migrations: [...webhookMigrations, ...notificationMigrations],
  });
}
