-- GENERATED from libs/shared/contracts/src/lib/topology/topology.json by `npm run contracts:generate`.
-- Runs once, when the postgres container initialises an empty data directory
-- (docker-entrypoint-initdb.d). One database per service: each service owns its data.
CREATE DATABASE rj_referral_intake;
CREATE DATABASE rj_partner_matching;
CREATE DATABASE rj_mediation_scheduling;
CREATE DATABASE rj_outcome_tracking;
CREATE DATABASE rj_audit_ledger;
