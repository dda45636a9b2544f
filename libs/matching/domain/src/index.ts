export * from './lib/matching-profile';
export * from './lib/ranking-weights';
export * from './lib/hard-constraints';
export * from './lib/ranking-factors';
export * from './lib/rank-partners';
export * from './lib/offer-rules';
