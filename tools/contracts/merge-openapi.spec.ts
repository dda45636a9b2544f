import type { OpenAPIObject } from '@nestjs/swagger';
import { SERVICE_NAMES, type ServiceName } from '../front-door/route-table';
import { mergeOpenApi, SERVICE_EXTENSION } from './merge-openapi';

/** Five tiny documents; each service's own paths and schemas in `parts`. */
function documents(
  parts: Partial<Record<ServiceName, { paths?: OpenAPIObject['paths']; schemas?: Record<string, object> }>>,
): Record<ServiceName, OpenAPIObject> {
  return Object.fromEntries(
    SERVICE_NAMES.map((service) => [
      service,
      {
        openapi: '3.0.0',
        info: { title: service, version: '1' },
        paths: {
          '/health/live': { get: { operationId: 'HealthController_live', responses: {} } },
          ...parts[service]?.paths,
        },
        components: {
          schemas: parts[service]?.schemas ?? {},
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        },
      } as OpenAPIObject,
    ]),
  ) as Record<ServiceName, OpenAPIObject>;
}

const body = (schema: string) => ({
  requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } },
  responses: {},
});

describe('merged OpenAPI document', () => {
  it('keeps the public paths, marks each operation with its service and leaves the probes out', () => {
    const merged = mergeOpenApi(
      documents({
        'outcome-tracking': {
          paths: { '/api/cases/{id}/agreement': { post: { operationId: 'Agreements_record', responses: {} } } },
        },
      }),
    );
    expect(Object.keys(merged.paths)).toEqual(['/api/cases/{id}/agreement']);
    expect(merged.paths['/api/cases/{id}/agreement'].post).toMatchObject({ [SERVICE_EXTENSION]: 'outcome-tracking' });
  });

  it('shares a schema two services define alike, and keeps apart two that differ, with their references', () => {
    const merged = mergeOpenApi(
      documents({
        'referral-intake': {
          paths: { '/api/offices': { post: { operationId: 'Offices_create', ...body('ContactDto') } } },
          schemas: { ContactDto: { type: 'object', required: ['email'] }, Money: { type: 'string' } },
        },
        'mediation-scheduling': {
          paths: { '/api/mediators': { post: { operationId: 'Mediators_create', ...body('ContactDto') } } },
          schemas: { ContactDto: { type: 'object', required: ['phone'] }, Money: { type: 'string' } },
        },
      }),
    );
    expect(Object.keys(merged.components!.schemas!).sort()).toEqual([
      'ContactDto',
      'MediationSchedulingContactDto',
      'Money',
    ]);
    expect(merged.paths['/api/offices'].post!.requestBody).toEqual(body('ContactDto').requestBody);
    expect(merged.paths['/api/mediators'].post!.requestBody).toEqual(body('MediationSchedulingContactDto').requestBody);
    expect(merged.components!.schemas!.MediationSchedulingContactDto).toEqual({ type: 'object', required: ['phone'] });
  });

  it('refuses a path or an operationId two services both claim', () => {
    const clash = { '/api/things': { get: { operationId: 'Things_list', responses: {} } } };
    expect(() =>
      mergeOpenApi(documents({ 'referral-intake': { paths: clash }, 'audit-ledger': { paths: clash } })),
    ).toThrow(/\/api\/things is documented by referral-intake and audit-ledger/);
  });
});
