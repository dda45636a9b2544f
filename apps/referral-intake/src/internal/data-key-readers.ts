/**
 * The services that decrypt referrals' personal data outside referral-intake, and so may
 * fetch data keys from its key store, by their identity (the `sub` of their service token):
 * mediation-scheduling (participants' contacts for reminders and the cases mediators see)
 * and outcome-tracking (the harmed party's address at send time, agreement free text).
 * referral-intake itself holds the keys in its own database and never needs the port, but is
 * named so a tool of its own may use it. partner-matching and audit-ledger only ever handle
 * ciphertext: they have no business with keys, and get 403.
 */
export const DATA_KEY_READERS: readonly string[] = ['referral-intake', 'mediation-scheduling', 'outcome-tracking'];

/** How a key fetch is named in the access log (`personal_data.read`). */
export const KEY_FETCH_ENDPOINT = 'GET /internal/keys/{keyId}';
export const KEY_FETCH_FIELDS = ['dataKey'] as const;
