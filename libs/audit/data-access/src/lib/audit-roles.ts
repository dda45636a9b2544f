/**
 * The database roles of audit-ledger's database (issue 14, item 7). Separate roles so that the
 * running service cannot rewrite history even if it is taken over:
 * - owner: owns the database and every table; the migration job runs as it. Only it could
 *   disable the append-only trigger, and no running process holds its credentials.
 * - runtime: the API and ingestion. SELECT and INSERT on ledger_entry, nothing more there
 *   (no UPDATE, DELETE or TRUNCATE); what it needs on the other tables.
 * - signer: the checkpoint signer. Reads the chain, inserts checkpoints, nothing else.
 * k8s: CloudNativePG's managed roles (k8s/base/postgres/cluster.yaml), each with its Secret;
 * locally: tools/infra creates them (trust auth, no passwords).
 */
export const AUDIT_ROLES = {
  owner: 'rj_audit_ledger',
  runtime: 'rj_audit_ledger_app',
  signer: 'rj_audit_ledger_signer',
} as const;
