import { startSchedulingHarness, type SchedulingHarness } from './test/scheduling-harness';

interface Schema {
  $ref?: string;
  properties?: Record<string, unknown>;
  required?: string[];
}

/** The request schema of one operation, with a `$ref` to a component followed. */
function requestSchema(
  document: {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
    components: { schemas: Record<string, Schema> };
  },
  method: string,
  path: string,
): Schema | undefined {
  const schema = document.paths[path]?.[method]?.requestBody?.content?.['application/json']?.schema;
  return schema?.$ref ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
}

describe('OpenAPI document', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  it('documents the request bodies of the case commands with their properties', async () => {
    const docs = await harness.service.request('GET', '/api/docs-json');
    expect(docs.status).toBe(200);
    const expected: Record<string, string[]> = {
      '/api/cases/{id}/sessions': [
        'kind',
        'startsAt',
        'endsAt',
        'location',
        'venueType',
        'participantIds',
        'mediatorIds',
        'attendance',
      ],
      '/api/cases/{id}/consents': ['participantId', 'purpose', 'decision', 'byGuardian'],
      '/api/cases/{id}/notes': ['text'],
      '/api/cases/{id}/disclosures': ['legalBasis', 'recipientKind', 'recipient'],
    };
    for (const [path, properties] of Object.entries(expected)) {
      const schema = requestSchema(docs.body, 'post', path);
      expect({ path, properties: Object.keys(schema?.properties ?? {}).sort() }).toEqual({
        path,
        properties: [...properties].sort(),
      });
    }
    const disclosure = requestSchema(docs.body, 'post', '/api/cases/{id}/disclosures');
    expect(disclosure?.required?.sort()).toEqual(['legalBasis', 'recipient']);
    expect(disclosure?.properties?.legalBasis).toMatchObject({
      enum: ['imminent_harm', 'required_by_law', 'all_parties_agree'],
    });
    const sessions = requestSchema(docs.body, 'post', '/api/cases/{id}/sessions');
    expect(sessions?.properties?.startsAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(sessions?.properties?.attendance).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/AttendanceDto' },
    });
  });
});
