// Valid samples of every event, for the tests of every service (never for production code).
export {
  SAMPLE_EVENTS,
  SAMPLE_IDS,
  sampleCiphertext,
  sampleEvent,
  type SampleEvents,
  type SampleEventType,
} from './lib/events/samples';
