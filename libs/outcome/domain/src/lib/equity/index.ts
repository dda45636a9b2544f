export * from './offence-groups';
export * from './equity-facts';
export * from './equity-dimensions';
export * from './equity-figures';
export * from './self-declaration';
export * from './eligible-not-referred';
