export * from './publication-rules';
export * from './transparency-report';
