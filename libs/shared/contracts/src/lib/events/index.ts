import type { EventDefinition } from '../define-event';
import { OfficeRegistered } from './referral/office-registered.event';

export * from './common';
export * from './referral/office-registered.event';

/** The whole catalogue, in api.md's order. */
export const EVENT_DEFINITIONS: readonly EventDefinition[] = [OfficeRegistered];
