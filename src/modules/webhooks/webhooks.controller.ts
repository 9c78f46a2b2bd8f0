import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../../common/auth/auth-context.js';
import { CurrentAuth } from '../../common/auth/auth.decorators.js';
import { Authenticated } from '../../common/auth/authenticated.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import {
  CreateWebhookDto,
  DeleteWebhookResponseDto,
  ListWebhooksQueryDto,
  UpdateWebhookDto,
  WebhookAttemptPageDto,
  WebhookEndpointDto,
  WebhookEndpointPageDto,
  WebhookEndpointWithSecretDto,
} from './webhooks.dto.js';
import {
  toWebhookAttemptDto,
  toWebhookEndpointDto,
} from './webhooks.mapper.js';
import { Idempotent } from '../idempotency/idempotency.decorators.js';

@ApiTags('Webhooks')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookEndpointsService) {}

  /**
   * Subscribes a URL to events: `media.uploaded` (data: the item), `media.rendition.ready` and
   * `media.rendition.failed` (data: `rendition` and its `mediaId`). Each is then POSTed to it,
   * signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the
   * `secret` returned here, the only time it is shown. Only 2xx counts as received; failures are retried for about
   * 3 days; a 410 answer disables the endpoint.
   */
  @ApiOperation({ summary: 'Create a webhook endpoint' })
  @ApiCreatedResponse({ type: WebhookEndpointWithSecretDto })
  @ApiProblemResponses(
    [
      400,
      'Invalid or non-public URL, or an event that cannot be subscribed to (`validation_error`)',
    ],
    [409, 'The workspace has the most endpoints it may have (`conflict`)'],
  )
  @Authenticated('webhooks:write')
  @Idempotent()
  @Post()
  async createWebhook(
    @CurrentAuth() auth: AuthContext,
    @Body() body: CreateWebhookDto,
  ): Promise<WebhookEndpointWithSecretDto> {
    const { endpoint, secret } = await this.webhooks.create(
      auth.workspace.id,
      body,
    );
    return Object.assign(toWebhookEndpointDto(endpoint), { secret });
  }

  /** Newest first, with an opaque cursor. */
  @ApiOperation({ summary: 'List webhook endpoints' })
  @ApiOkResponse({ type: WebhookEndpointPageDto })
  @ApiProblemResponses(400)
  @Authenticated('webhooks:read')
  @Get()
  async listWebhooks(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListWebhooksQueryDto,
  ): Promise<WebhookEndpointPageDto> {
    const page = await this.webhooks.list(auth.workspace.id, query);
    return {
      data: page.items.map((endpoint) => toWebhookEndpointDto(endpoint)),
      hasMore: page.hasMore,
      nextCursor: page.nextCursor,
    };
  }

  /** The endpoint's URL, events and state (enabled, or why it was disabled); never its secret. */
  @ApiOperation({ summary: 'Get a webhook endpoint' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiProblemResponses(404)
  @Authenticated('webhooks:read')
  @Get(':id')
  async getWebhook(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<WebhookEndpointDto> {
    return toWebhookEndpointDto(await this.webhooks.get(auth.workspace.id, id));
  }

  /** Changes the given fields only. `enabled: false` cancels pending retries. */
  @ApiOperation({ summary: 'Update a webhook endpoint' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiProblemResponses(400, 404)
  @Authenticated('webhooks:write')
  @Patch(':id')
  async updateWebhook(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookEndpointDto> {
    return toWebhookEndpointDto(
      await this.webhooks.update(auth.workspace.id, id, body),
    );
  }

  /** Deletes the endpoint with its delivery log; nothing more is sent to it. */
  @ApiOperation({ summary: 'Delete a webhook endpoint' })
  @ApiOkResponse({ type: DeleteWebhookResponseDto })
  @ApiProblemResponses(404)
  @Authenticated('webhooks:write')
  @Delete(':id')
  async deleteWebhook(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<DeleteWebhookResponseDto> {
    await this.webhooks.delete(auth.workspace.id, id);
    return { success: true };
  }

  /** Every attempt to deliver to this endpoint, newest first, with an opaque cursor. */
  @ApiOperation({ summary: 'List delivery attempts of a webhook endpoint' })
  @ApiOkResponse({ type: WebhookAttemptPageDto })
  @ApiProblemResponses(400, 404)
  @Authenticated('webhooks:read')
  @Get(':id/deliveries')
  async listWebhookDeliveries(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Query() query: ListWebhooksQueryDto,
  ): Promise<WebhookAttemptPageDto> {
    const page = await this.webhooks.listAttempts(auth.workspace.id, id, query);
    return {
      data: page.items.map(toWebhookAttemptDto),
      hasMore: page.hasMore,
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Issues a new signing secret, shown only in this response. For 24 h deliveries carry two
   * signatures, one per secret, so receivers still holding the old secret keep verifying.
   */
  @ApiOperation({ summary: 'Rotate the signing secret of a webhook endpoint' })
  @ApiOkResponse({ type: WebhookEndpointWithSecretDto })
  @ApiProblemResponses(404)
  @Authenticated('webhooks:write')
  @HttpCode(200)
  @Idempotent()
  @Post(':id/rotate-secret')
  async rotateWebhookSecret(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<WebhookEndpointWithSecretDto> {
    const { endpoint, secret } = await this.webhooks.rotateSecret(
      auth.workspace.id,
      id,
    );
    return Object.assign(toWebhookEndpointDto(endpoint), { secret });
  }
}
