#!/bin/sh
# Runs once, after 10-service-databases.sql, when the postgres container initialises an empty
# data directory. audit-ledger's database gets three roles (issue 14, item 7): the owner
# rj_audit_ledger (its migration run), rj_audit_ledger_app (the service: SELECT and INSERT
# only on ledger_entry) and rj_audit_ledger_signer (the checkpoint signer). The migrations
# grant what each may do. Passwords from the environment (development defaults in
# docker-compose.yml).
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$AUDIT_LEDGER_OWNER_PASSWORD" \
  -v app_password="$AUDIT_LEDGER_APP_PASSWORD" \
  -v signer_password="$AUDIT_LEDGER_SIGNER_PASSWORD" <<'SQL'
CREATE ROLE rj_audit_ledger LOGIN PASSWORD :'owner_password';
CREATE ROLE rj_audit_ledger_app LOGIN PASSWORD :'app_password';
CREATE ROLE rj_audit_ledger_signer LOGIN PASSWORD :'signer_password';
ALTER DATABASE rj_audit_ledger OWNER TO rj_audit_ledger;
SQL
