import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { PageQuery, type Page } from '@rj/shared/service';
import { answerWith, type StatusResponse } from '../idempotency/answer';
import { IDEMPOTENCY_HEADER, idempotentRequest } from '../idempotency/idempotency';
import { CreateOfficeDto, OfficePage, OfficeView, UpdateOfficeDto } from './office.dto';
import { OfficesService } from './offices.service';

@ApiTags('offices')
@ApiBearerAuth()
@Controller('api/offices')
export class OfficesController {
  constructor(private readonly offices: OfficesService) {}

  @Roles('admin')
  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeating the key with the same body returns the first result.',
  })
  @ApiOperation({
    summary: "Register a prosecutor's office (office.registered); its id is the org claim of its prosecutors.",
  })
  @ApiCreatedResponse({ type: OfficeView })
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateOfficeDto,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) response: StatusResponse,
  ): Promise<OfficeView> {
    return answerWith(
      response,
      await this.offices.register(principal, dto, idempotentRequest(principal, key, 'POST /api/offices', dto)),
    );
  }

  @Roles('admin', 'prosecutor')
  @Get()
  @ApiOperation({ summary: 'Every office, newest first (admin); a prosecutor gets its own office only.' })
  @ApiOkResponse({ type: OfficePage })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<OfficeView>> {
    return this.offices.list(principal, query);
  }

  @Roles('admin', 'prosecutor')
  @Get(':id')
  @ApiOperation({ summary: 'One office (a prosecutor: its own only).' })
  @ApiOkResponse({ type: OfficeView })
  @ApiNotFoundResponse({ description: "No such office, or (prosecutor) another office's." })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OfficeView> {
    return this.offices.get(principal, id);
  }

  @Roles('admin')
  @Patch(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change any of name, jurisdictions, contact; office.updated carries the whole office.' })
  @ApiOkResponse({ type: OfficeView })
  @ApiNotFoundResponse({ description: 'No such office.' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOfficeDto,
  ): Promise<OfficeView> {
    return this.offices.update(principal, id, dto);
  }
}
