import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FetchModule } from '../../infra/fetch/fetch.module.js';
import { MediaModule } from '../media/media.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { WebhookAttempt } from './webhook-attempt.entity.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookEndpointPurge } from './webhook-endpoint-purge.service.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import { WebhookJobs } from './webhook.jobs.js';
import { WebhookRelay } from './webhook-relay.service.js';
import { WebhookRepository } from './webhook.repository.js';
import { WebhooksController } from './webhooks.controller.js';

/** Webhook endpoints, and signed at-least-once delivery of the `media_events` outbox. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      WebhookEndpoint,
      WebhookDelivery,
      WebhookAttempt,
    ]),
    MediaModule,
    WorkspacesModule,
    FetchModule,
  ],
  controllers: [WebhooksController],
  providers: [
    WebhookRepository,
    WebhookEndpointsService,
    WebhookJobs,
    WebhookRelay,
    WebhookDeliveryService,
    WebhookEndpointPurge,
  ],
})
export class WebhooksModule {}
