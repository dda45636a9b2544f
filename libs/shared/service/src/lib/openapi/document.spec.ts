import 'reflect-metadata';
import { Body, Controller, Get, Headers, Module, Param, ParseUUIDPipe, Post, type PipeTransform } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { ApiGoneResponse, ApiHeader, ApiOkResponse, ApiParam, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsInt, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_PATH_PARAMETER_LENGTH } from '../errors/validation-errors';
import { IDEMPOTENCY_KEY_PATTERN } from '../idempotency/idempotency-rules';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { Public } from '@rj/shared/auth';
import { DataSource } from 'typeorm';
import { buildOpenApiDocument } from './document';

class ThingInput {
  @ApiProperty() @MaxLength(40) name: string;
  @ApiProperty({ type: [String] }) @ArrayMaxSize(5) @IsUUID(undefined, { each: true }) ownerIds: string[];
  @ApiPropertyOptional() @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) sequence?: number;
  @ApiPropertyOptional() @IsInt() @Min(0) @Max(10) small?: number;
  // No `type`: reflected as Array, its items' rule says they are strings.
  @ApiProperty({ example: ['NL-NH'] }) @ArrayMaxSize(3) @Matches(/^[A-Z]{2}-[A-Z]{2}$/, { each: true }) codes: string[];
}

const STATES = ['open', 'closed'];

class ThingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) dueBy: string;
  @ApiProperty({ enum: STATES, nullable: true }) state: string | null;
}

class ColourPipe implements PipeTransform<string, string> {
  static readonly openApiSchema = { pattern: '^(red|green)$' };
  transform(value: string): string {
    return value;
  }
}

@Controller('api/things')
class ThingsController {
  @Get(':id/parts/:part/:colour/:name')
  @ApiParam({ name: 'name', description: 'Its own words.', schema: { type: 'string', maxLength: 12 } })
  part(
    @Param('id', ParseUUIDPipe) _id: string,
    @Param('part') _part: string,
    @Param('colour', ColourPipe) _colour: string,
    @Param('name') name: string,
  ): string {
    return name;
  }

  @Get()
  @ApiOkResponse({ type: [ThingView] })
  list(): ThingView[] {
    return [];
  }

  @Get(':id/open')
  @Public()
  open(@Param('id') id: string): string {
    return id;
  }

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat safely.' })
  create(@Headers('idempotency-key') key?: string): string | undefined {
    return key;
  }

  @Post(':id')
  @ApiOkResponse({ type: ThingView })
  @ApiGoneResponse({ description: 'Erased.' })
  change(@Param('id') id: string, @Body() _input: ThingInput): ThingView {
    return { id, dueBy: '2026-01-01', state: null };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('buildOpenApiDocument', () => {
  let document: Awaited<ReturnType<typeof buildOpenApiDocument>>;
  beforeAll(async () => {
    const app = await NestFactory.create(ThingsModule, { preview: true, logger: false });
    document = buildOpenApiDocument(app, 'things');
    await app.close();
  });

  const problemStatuses = (path: string, method: 'get' | 'post') =>
    Object.entries(document.paths[path][method]!.responses)
      .filter(([, response]) => JSON.stringify(response).includes('"#/components/schemas/Problem"'))
      .map(([status]) => status);

  it('declares the problems an operation can answer as problem+json, by what the operation is', () => {
    // Behind the bearer token, no path parameter, no body: no 404, 409 or 413.
    expect(problemStatuses('/api/things', 'get')).toEqual(['400', '401', '403', '429', '500', '503']);
    // An object in the path, a state change with a body, and the controller's own 410.
    expect(problemStatuses('/api/things/{id}', 'post')).toEqual([
      '400',
      '401',
      '403',
      '404',
      '409',
      '410',
      '413',
      '429',
      '500',
      '503',
    ]);
    expect(document.paths['/api/things/{id}'].post!.responses['410']).toMatchObject({
      description: 'Erased.',
      content: { 'application/problem+json': {} },
    });
    expect(document.components!.schemas!.Problem).toMatchObject({ required: ['type', 'title', 'status', 'detail'] });
  });

  it('documents what class-validator enforces and the length a format fixes', () => {
    const input = document.components!.schemas!.ThingInput as { properties: Record<string, Record<string, unknown>> };
    expect(input.properties.name).toMatchObject({ type: 'string', maxLength: 40 });
    expect(input.properties.ownerIds).toMatchObject({
      type: 'array',
      maxItems: 5,
      items: { type: 'string', format: 'uuid', maxLength: 36 },
    });
    expect(input.properties.sequence).toMatchObject({
      type: 'integer',
      format: 'int64',
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
    });
    expect(input.properties.codes).toMatchObject({
      type: 'array',
      maxItems: 3,
      example: ['NL-NH'],
      items: { type: 'string', pattern: '^[A-Z]{2}-[A-Z]{2}$', maxLength: 5 },
    });
    expect(input.properties.small).toMatchObject({ type: 'integer', format: 'int32', minimum: 0, maximum: 10 });
    const view = document.components!.schemas!.ThingView as { properties: Record<string, Record<string, unknown>> };
    expect(view.properties.id).toMatchObject({ format: 'uuid', maxLength: 36 });
    expect(view.properties.dueBy).toMatchObject({ format: 'date', maxLength: 10 });
    // A nullable enum lists null (OpenAPI 3.0.3), in a copy: the code's own vocabulary is untouched.
    expect(view.properties.state).toMatchObject({ enum: ['open', 'closed', null], nullable: true });
    expect(STATES).toEqual(['open', 'closed']);
  });

  it('documents what the pipes and the platform enforce on path parameters, a controller’s own words winning', () => {
    const parameters = Object.fromEntries(
      (document.paths['/api/things/{id}/parts/{part}/{colour}/{name}'].get!.parameters as { name: string }[]).map(
        (parameter) => [parameter.name, parameter],
      ),
    );
    expect(parameters.id).toMatchObject({ in: 'path', schema: { type: 'string', format: 'uuid', maxLength: 36 } });
    expect(parameters.part).toMatchObject({
      in: 'path',
      schema: { type: 'string', maxLength: MAX_PATH_PARAMETER_LENGTH },
    });
    expect(parameters.colour).toMatchObject({ schema: { pattern: '^(red|green)$', maxLength: 5 } });
    expect(parameters.name).toMatchObject({ description: 'Its own words.', schema: { type: 'string', maxLength: 12 } });
    expect(document.paths['/api/things/{id}'].post!.parameters).toHaveLength(1);
  });

  it('documents the Idempotency-Key header once, as the platform checks it', () => {
    const headers = (document.paths['/api/things'].post!.parameters as { in: string }[]).filter(
      (parameter) => parameter.in === 'header',
    );
    expect(headers).toEqual([
      expect.objectContaining({
        name: 'Idempotency-Key',
        description: 'Repeat safely.',
        schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source, maxLength: 200 },
      }),
    ]);
  });

  it('gives every POST behind a token the Idempotency-Key header in a service with the interceptor', async () => {
    @Module({
      controllers: [ThingsController],
      providers: [
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: DataSource, useValue: {} },
      ],
    })
    class InterceptedModule {}
    const app = await NestFactory.create(InterceptedModule, { preview: true, logger: false, abortOnError: false });
    const intercepted = buildOpenApiDocument(app, 'intercepted');
    await app.close();
    const headerOf = (path: string, method: 'get' | 'post') =>
      (intercepted.paths[path][method]!.parameters as { in: string; name: string }[]).filter(
        (parameter) => parameter.in === 'header',
      );
    expect(headerOf('/api/things/{id}', 'post')).toEqual([
      expect.objectContaining({
        name: 'Idempotency-Key',
        required: false,
        schema: expect.objectContaining({ maxLength: 200 }),
      }),
    ]);
    expect(headerOf('/api/things/{id}/parts/{part}/{colour}/{name}', 'get')).toEqual([]);
    // Without the interceptor only the operation that reads the header itself declares it.
    expect(document.paths['/api/things/{id}'].post!.parameters!.some((p) => 'in' in p && p.in === 'header')).toBe(
      false,
    );
  });

  it('documents a @Public() route as taking no token, without the problems only a token brings', () => {
    expect(document.paths['/api/things/{id}/open'].get!.security).toEqual([]);
    expect(problemStatuses('/api/things/{id}/open', 'get')).toEqual(['400', '404', '500', '503']);
    expect(document.paths['/api/things/{id}/open'].get).not.toHaveProperty('x-rj-public');
    expect(document.paths['/api/things'].get!.security).toBeUndefined(); // the document's bearer requirement
  });
});
