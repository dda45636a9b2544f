/**
 * What the services enforce on path parameters, said to Swagger too. A path parameter is read
 * with @Param('name'), perhaps through a pipe, and Swagger sees only its TypeScript type. Before
 * a document is built, each such parameter gains what is enforced on it:
 * - ParseUUIDPipe: a UUID (36 characters, format-bounds.ts);
 * - a pipe that says what it accepts (a static `openApiSchema`, as the jurisdiction pipe does);
 * - every path parameter: at most MAX_PATH_PARAMETER_LENGTH characters, which the platform's
 *   validation pipe enforces (errors/validation-errors.ts) before any other pipe runs.
 * What a controller's own @ApiParam says wins. Idempotent: documenting twice changes nothing.
 *
 * A route marked @Public() (no bearer token: a survey's one-time link, the transparency report)
 * is marked too, and withPublicOperations gives its operation `security: []`, so its document
 * neither asks for a token nor lists the 401, 403 and 429 it can never answer.
 */
import { ParseUUIDPipe, type INestApplication, type Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ApiExtension, type OpenAPIObject } from '@nestjs/swagger';
import { IS_PUBLIC_KEY } from '@rj/shared/auth';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MAX_PATH_PARAMETER_LENGTH } from '../errors/validation-errors';
import { maxLengthOfPattern } from './pattern-length';

const API_PARAMETERS = 'swagger/apiParameters';

type Schema = Record<string, unknown>;
interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}
interface DocumentedParameter {
  name?: string;
  in?: string;
  schema?: Schema;
  [option: string]: unknown;
}
interface ModulesContainer {
  getModules(): Map<string, { controllers: Map<unknown, { metatype?: Type<unknown> | null }> }>;
}

/** A pipe that says what it accepts (a class, or an instance of one). */
export interface DocumentedPipe {
  openApiSchema: Schema;
}

function schemaOfPipe(pipe: unknown): Schema {
  const type = (typeof pipe === 'function' ? pipe : (pipe as object | undefined)?.constructor) as
    Partial<DocumentedPipe> | undefined;
  if (type === ParseUUIDPipe) return { format: 'uuid' };
  return type?.openApiSchema ?? {};
}

/** The schema a path parameter has by the pipes that read it, and the platform's own bound. */
export function pathParameterSchema(pipes: unknown[] = []): Schema {
  const schema = Object.assign({ type: 'string' }, ...pipes.map(schemaOfPipe)) as Schema;
  // The tightest bound enforced: the platform's, a UUID's length, or what a pattern allows.
  const bounds = [MAX_PATH_PARAMETER_LENGTH];
  if (schema.format === 'uuid') bounds.push(36);
  if (typeof schema.pattern === 'string') bounds.push(maxLengthOfPattern(schema.pattern));
  return { ...schema, maxLength: Math.min(...bounds) };
}

const SCHEMA_OPTIONS = ['type', 'format', 'pattern', 'maxLength', 'minLength', 'enum'];

function documentMethod(controller: Type<unknown>, method: string, handler: object): void {
  const routeArguments = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    RouteArgument
  >;
  const parameterTypes = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as unknown[];
  const documented = [...((Reflect.getMetadata(API_PARAMETERS, handler) ?? []) as DocumentedParameter[])];
  for (const [key, argument] of Object.entries(routeArguments)) {
    if (Number(key.split(':')[0]) !== RouteParamtypes.PARAM) continue;
    if (typeof argument.data !== 'string' || parameterTypes[argument.index] !== String) continue;
    const derived = pathParameterSchema(argument.pipes);
    const at = documented.findIndex((parameter) => parameter.name === argument.data && parameter.in === 'path');
    if (at < 0) {
      documented.push({ name: argument.data, in: 'path', required: true, schema: derived });
      continue;
    }
    const { schema: ownSchema, ...own } = documented[at];
    const ownOptions = Object.fromEntries(
      SCHEMA_OPTIONS.filter((option) => own[option] !== undefined).map((option) => [option, own[option]]),
    );
    for (const option of SCHEMA_OPTIONS) delete own[option];
    const schema: Schema = { ...derived, ...ownOptions, ...ownSchema };
    if (typeof schema.pattern === 'string' && ownOptions.maxLength === undefined && ownSchema?.maxLength === undefined)
      schema.maxLength = Math.min(schema.maxLength as number, maxLengthOfPattern(schema.pattern));
    documented[at] = { ...own, schema };
  }
  Reflect.defineMetadata(API_PARAMETERS, documented, handler);
}

/** A controller's methods, its own and those it inherits (a shared base controller's routes). */
function methodsOf(controller: Type<unknown>): Map<string, object> {
  const methods = new Map<string, object>();
  for (let prototype = controller.prototype as object; prototype !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const value = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
      if (name !== 'constructor' && typeof value === 'function' && !methods.has(name)) methods.set(name, value);
    }
    prototype = Object.getPrototypeOf(prototype) as object;
  }
  return methods;
}

/** Adds the enforced schema to every path parameter of every controller of the app. */
export function documentRouteParameters(app: INestApplication): void {
  const container = (app as unknown as { container: ModulesContainer }).container;
  for (const module of container.getModules().values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      for (const [method, handler] of methodsOf(metatype)) {
        documentMethod(metatype, method, handler);
        if (Reflect.getMetadata(IS_PUBLIC_KEY, handler) || Reflect.getMetadata(IS_PUBLIC_KEY, metatype))
          ApiExtension(PUBLIC_EXTENSION, true)(metatype.prototype, method, { value: handler });
      }
    }
  }
}

const PUBLIC_EXTENSION = 'x-rj-public';

/** Operations of @Public() routes take no token: `security: []` (the marker goes). */
export function withPublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Record<string, unknown>[]) {
      if (!operation || typeof operation !== 'object' || !(PUBLIC_EXTENSION in operation)) continue;
      delete operation[PUBLIC_EXTENSION];
      operation.security = [];
    }
  }
  return document;
}
