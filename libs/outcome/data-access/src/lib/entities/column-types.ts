import type { ValueTransformer } from 'typeorm';

/** bigint minor units as numbers: amounts stay far below 2^53 (12 digits plus 2 decimals). */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
