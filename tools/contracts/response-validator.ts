/**
 * Checks an HTTP answer against the OpenAPI document that describes it: the status must be
 * declared for the operation, and a JSON body must validate against the declared schema
 * (with `#/components/schemas` resolved). The front door runs it on every answer when asked
 * (FRONT_DOOR_VALIDATE=1, or the `validate` option), which turns any suite that goes through the
 * front door into a proof that the services answer as their documents say.
 */
import Ajv from 'ajv';

type Json = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Json }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json> };
}

export interface Answer {
  method: string;
  /** The concrete path, without the query string. */
  path: string;
  status: number;
  contentType?: string;
  /** The body as received; undefined when empty or not JSON. */
  body?: unknown;
}

/** OpenAPI 3.0's `nullable: true` as JSON Schema's `type: [t, 'null']`, throughout. */
function withNullables(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withNullables);
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Json = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, withNullables(value)]));
  if (copy.nullable === true) {
    delete copy.nullable;
    // A nullable composition (Swagger writes `{ type: 'object', allOf: [{ $ref }], nullable }`):
    // null, or what it composes; the `type` beside it would hold null to the referenced schema.
    if (copy.$ref || copy.allOf || copy.oneOf || copy.anyOf) return { anyOf: [copy, { type: 'null' }] };
    if (typeof copy.type === 'string') copy.type = [copy.type, 'null'];
  }
  return copy;
}

/**
 * OpenAPI's integer formats, which JSON Schema does not define: Ajv would ignore them, with a
 * warning at every schema it compiles, and let a fraction or an overflowing count through.
 * int64 can only be checked as far as a JSON number holds an integer exactly (2^53).
 */
const INTEGER_FORMATS: Record<string, (value: number) => boolean> = {
  int32: (value) => Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31,
  int64: (value) => Number.isSafeInteger(value),
};

export function createResponseValidator(document: Document): (answer: Answer) => string[] {
  const ajv = new Ajv({ allErrors: true, format: 'full', unknownFormats: 'ignore', nullable: true } as Ajv.Options);
  for (const [name, validate] of Object.entries(INTEGER_FORMATS)) ajv.addFormat(name, { type: 'number', validate });
  ajv.addSchema({ $id: 'openapi', components: withNullables(document.components ?? {}) } as Json, 'openapi');
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    // Literal segments beat parameters: /checkpoints/latest before /checkpoints/{sequence}.
    literals: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
  }));
  templates.sort((a, b) => b.literals - a.literals);
  const compiled = new Map<string, Ajv.ValidateFunction>();

  return ({ method, path, status, contentType, body }) => {
    const found = templates.find((t) => t.pattern.test(path));
    const operation = found && document.paths[found.template][method.toLowerCase()];
    if (!found || !operation) return [`${method} ${path} is not in the document`];
    const where = `${method} ${found.template} → ${status}`;
    const responses = operation.responses ?? {};
    const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!declared) return [`${where}: status not declared (declared: ${Object.keys(responses).join(', ') || 'none'})`];
    const media = (contentType ?? '').split(';')[0].trim();
    const schema =
      declared.content?.[media]?.schema ??
      (media === 'application/problem+json' ? declared.content?.['application/json']?.schema : undefined);
    if (body === undefined || !declared.content) return [];
    if (!schema)
      return [`${where}: answered ${media || 'no content type'}, declared ${Object.keys(declared.content).join(', ')}`];
    const key = `${where} ${media}`;
    let validate = compiled.get(key);
    if (!validate) {
      // Its $refs point into the document's components, registered above as `openapi`.
      validate = ajv.compile(
        JSON.parse(
          JSON.stringify({ allOf: [withNullables(schema)] }).replaceAll('"#/components/', '"openapi#/components/'),
        ) as Json,
      );
      compiled.set(key, validate);
    }
    return validate(body)
      ? []
      : (validate.errors ?? []).map((error) => `${where}: body${error.dataPath} ${error.message}`);
  };
}
