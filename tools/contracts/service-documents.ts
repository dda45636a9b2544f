/**
 * Each service's OpenAPI document, built offline: the service's own app module in Nest's
 * preview mode (classes and routes are scanned, no provider is instantiated, so nothing
 * connects to Postgres, Kafka or Redis), read by the same SwaggerModule the running service
 * serves at /api/docs-json, through the same buildOpenApiDocument.
 */
import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, loadConfig } from '@rj/shared/service';
// The documents are the apps' own: built from their app modules (tools only).
/* eslint-disable @nx/enforce-module-boundaries */
import { appModule as auditLedger } from '../../apps/audit-ledger/src/app.module';
import { AuditLedgerEnv } from '../../apps/audit-ledger/src/audit-ledger.env';
import { appModule as mediationScheduling } from '../../apps/mediation-scheduling/src/app.module';
import { MediationSchedulingEnv } from '../../apps/mediation-scheduling/src/mediation-scheduling.env';
import { appModule as outcomeTracking } from '../../apps/outcome-tracking/src/app.module';
import { OutcomeTrackingEnv } from '../../apps/outcome-tracking/src/outcome-tracking.env';
import { appModule as partnerMatching } from '../../apps/partner-matching/src/app.module';
import { PartnerMatchingEnv } from '../../apps/partner-matching/src/partner-matching.env';
import { appModule as referralIntake } from '../../apps/referral-intake/src/app.module';
import { ReferralIntakeEnv } from '../../apps/referral-intake/src/referral-intake.env';
/* eslint-enable @nx/enforce-module-boundaries */
import type { ServiceName } from '../front-door/route-table';

/** The development defaults only: the documents must not depend on the shell that builds them. */
const BUILD_ENV = { NODE_ENV: 'development' };

const APP_MODULES: Record<ServiceName, () => Type<unknown>> = {
  'referral-intake': () => referralIntake(loadConfig(ReferralIntakeEnv, BUILD_ENV)),
  'partner-matching': () => partnerMatching(loadConfig(PartnerMatchingEnv, BUILD_ENV)),
  'mediation-scheduling': () => mediationScheduling(loadConfig(MediationSchedulingEnv, BUILD_ENV)),
  'outcome-tracking': () => outcomeTracking(loadConfig(OutcomeTrackingEnv, BUILD_ENV)),
  'audit-ledger': () => auditLedger(loadConfig(AuditLedgerEnv, BUILD_ENV)),
};

export async function buildServiceDocument(name: ServiceName): Promise<OpenAPIObject> {
  const app = await NestFactory.create(APP_MODULES[name](), { preview: true, logger: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app, name);
  } finally {
    await app.close();
  }
}

export async function buildServiceDocuments(): Promise<Record<ServiceName, OpenAPIObject>> {
  const documents = {} as Record<ServiceName, OpenAPIObject>;
  for (const name of Object.keys(APP_MODULES) as ServiceName[]) documents[name] = await buildServiceDocument(name);
  return documents;
}
