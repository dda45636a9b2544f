export * from './messaging-metrics';
export * from './consumer-lag';
