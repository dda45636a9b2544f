import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import type { Role } from '@rj/shared/contracts';
import { SecretInAnswer } from '@rj/shared/service';
import {
  ListWebhookEndpointsQuery,
  RegisterWebhookEndpointDto,
  RotateWebhookSecretDto,
  WebhookDeliveryDto,
  WebhookDeliveryListDto,
  WebhookEndpointDto,
  WebhookEndpointListDto,
  WebhookSecretDto,
} from './webhook-endpoint.dto';
import type { WebhookEndpoints, WebhookScope } from './webhook-endpoints.service';

/** What differs between one service's webhook API and another's: whose endpoints, and who may manage them. */
export interface WebhookEndpointsApiOptions {
  /** The organisation's noun in the API's words: `office`, `partner`. */
  readonly owner: string;
  /** The role of the organisation's staff who manage its endpoints (an admin may read, approve and delete every one). */
  readonly ownerRole: Role;
  /** The registration's summary: what the endpoint is for. */
  readonly registerSummary: string;
  /** The list's summary: who sees which. */
  readonly listSummary: string;
}

/** Where a registration belongs: the caller's organisation, and whom to tell if the endpoint is disabled. */
export interface WebhookRegistrationOwner {
  readonly orgId: string;
  readonly contactEmail: string;
}

/** The organisation's staff reach its own endpoints; an admin every organisation's. */
function scopeOf(principal: Principal): WebhookScope {
  return principal.role === 'admin' ? 'all' : { orgId: principal.org ?? '' };
}

/**
 * The webhook endpoints API every service offering webhooks exposes (issue 21): the owner's
 * staff register endpoints, rotate their secrets, read and re-send their deliveries; an admin
 * approves each destination before anything is sent. Another organisation's endpoint is 404.
 * A service extends the returned class under its own `@Controller(path)` and says only how a
 * registration finds its organisation.
 */
export function WebhookEndpointsApi(options: WebhookEndpointsApiOptions) {
  const { ownerRole } = options;
  const notFound = `No such endpoint, or another ${options.owner}'s.`;

  @ApiTags('webhooks')
  @ApiBearerAuth()
  abstract class WebhookEndpointsController {
    constructor(protected readonly endpoints: WebhookEndpoints) {}

    /** The caller's organisation and its contact address; NotFound or InvalidInput when there is none. */
    protected abstract registrationOwner(
      principal: Principal,
      dto: RegisterWebhookEndpointDto,
    ): Promise<WebhookRegistrationOwner>;

    @Roles(ownerRole)
    @Post()
    @SecretInAnswer()
    @ApiOperation({ summary: options.registerSummary })
    @ApiCreatedResponse({ type: WebhookSecretDto })
    async register(
      @CurrentPrincipal() principal: Principal,
      @Body() dto: RegisterWebhookEndpointDto,
    ): Promise<WebhookSecretDto> {
      const owner = await this.registrationOwner(principal, dto);
      return this.endpoints.register(
        owner.orgId,
        { url: dto.url, eventTypes: dto.eventTypes, contactEmail: owner.contactEmail },
        principal.sub,
      );
    }

    @Roles(ownerRole, 'admin')
    @Get()
    @ApiOperation({ summary: options.listSummary })
    @ApiOkResponse({ type: WebhookEndpointListDto })
    async list(
      @CurrentPrincipal() principal: Principal,
      @Query() query: ListWebhookEndpointsQuery,
    ): Promise<WebhookEndpointListDto> {
      return { items: await this.endpoints.list(scopeOf(principal), query.status) };
    }

    @Roles(ownerRole, 'admin')
    @Get(':id')
    @ApiOperation({ summary: 'One endpoint: its destination, events, status and secrets’ ages (never a secret).' })
    @ApiOkResponse({ type: WebhookEndpointDto })
    @ApiNotFoundResponse({ description: notFound })
    get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointDto> {
      return this.endpoints.get(scopeOf(principal), id);
    }

    @Roles('admin')
    @Post(':id/approve')
    @HttpCode(200)
    @ApiOperation({ summary: 'Approve the destination (again, after a disabling): deliveries start.' })
    @ApiOkResponse({ type: WebhookEndpointDto })
    @ApiNotFoundResponse({ description: 'No such endpoint.' })
    approve(
      @CurrentPrincipal() principal: Principal,
      @Param('id', ParseUUIDPipe) id: string,
    ): Promise<WebhookEndpointDto> {
      return this.endpoints.approve(id, principal.sub);
    }

    @Roles(ownerRole)
    @Post(':id/rotate-secret')
    @SecretInAnswer()
    @HttpCode(200)
    @ApiOperation({
      summary: 'A new signing secret; the previous one keeps signing alongside it for `overlapHours` (default 24).',
    })
    @ApiOkResponse({ type: WebhookSecretDto })
    @ApiNotFoundResponse({ description: notFound })
    rotate(
      @CurrentPrincipal() principal: Principal,
      @Param('id', ParseUUIDPipe) id: string,
      @Body() dto: RotateWebhookSecretDto,
    ): Promise<WebhookSecretDto> {
      return this.endpoints.rotateSecret(scopeOf(principal), id, dto.overlapHours);
    }

    @Roles(ownerRole, 'admin')
    @Get(':id/deliveries')
    @ApiOperation({ summary: "The endpoint's delivery log, newest first, each delivery with its attempts." })
    @ApiOkResponse({ type: WebhookDeliveryListDto })
    @ApiNotFoundResponse({ description: notFound })
    async deliveries(
      @CurrentPrincipal() principal: Principal,
      @Param('id', ParseUUIDPipe) id: string,
    ): Promise<WebhookDeliveryListDto> {
      return { items: await this.endpoints.deliveries(scopeOf(principal), id) };
    }

    @Roles(ownerRole, 'admin')
    @Post(':id/deliveries/:deliveryId/resend')
    @HttpCode(202)
    @ApiOperation({
      summary: 'Send a delivered or failed delivery again (same `webhook-id`); not one dropped at erasure (409).',
    })
    @ApiAcceptedResponse({ type: WebhookDeliveryDto })
    @ApiNotFoundResponse({ description: `No such endpoint or delivery, or another ${options.owner}'s.` })
    resend(
      @CurrentPrincipal() principal: Principal,
      @Param('id', ParseUUIDPipe) id: string,
      @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
    ): Promise<WebhookDeliveryDto> {
      return this.endpoints.resend(scopeOf(principal), id, deliveryId);
    }

    @Roles(ownerRole, 'admin')
    @Post(':id/disable')
    @HttpCode(200)
    @ApiOperation({
      summary:
        'Stop deliveries: no event is sent or queued for it until an admin approves it again; deliveries already owed wait.',
    })
    @ApiOkResponse({ type: WebhookEndpointDto })
    @ApiNotFoundResponse({ description: notFound })
    disable(
      @CurrentPrincipal() principal: Principal,
      @Param('id', ParseUUIDPipe) id: string,
    ): Promise<WebhookEndpointDto> {
      return this.endpoints.disable(scopeOf(principal), id);
    }

    @Roles(ownerRole, 'admin')
    @Delete(':id')
    @HttpCode(204)
    @ApiOperation({ summary: 'Delete the endpoint, its deliveries and their log.' })
    @ApiNoContentResponse()
    @ApiNotFoundResponse({ description: notFound })
    async remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
      await this.endpoints.remove(scopeOf(principal), id);
    }
  }
  return WebhookEndpointsController;
}
