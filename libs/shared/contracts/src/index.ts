// class-transformer's @Type reads design-time types through the Reflect metadata API.
import 'reflect-metadata';
export * from './lib/topics';
export * from './lib/roles';
export * from './lib/envelope';
export * from './lib/envelope-schema';
export * from './lib/define-event';
export * from './lib/catalogue';
export * from './lib/personal-data';
export * from './lib/errors';
export * from './lib/uuid';
export * from './lib/events';
export * from './lib/event-factory';
// Valid samples of every event, for the tests of every service.
export * from './lib/events/samples';
