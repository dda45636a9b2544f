/** Shapes of the jsonb columns. Ciphertext fields are `pii:1:` strings, null once erased. */
export interface ScreeningReasonRow {
  rule: string;
  detail: string;
}

export interface ContactRow {
  email?: string | null;
  phone?: string | null;
  safeChannels: string[];
}

/** A guardian or defence counsel: a person, so name and addresses are ciphertext. */
export interface RepresentativeRow {
  fullName: string | null;
  contact: ContactRow;
}
