import type { WebhookAttempt } from './webhook-attempt.entity.js';
import type { WebhookEndpoint } from './webhook-endpoint.entity.js';
import type {
  SubscribableEvent,
  WebhookAttemptDto,
  WebhookEndpointDto,
} from './webhooks.dto.js';

/** The endpoint as the API shows it: never a secret, sealed or not. */
export function toWebhookEndpointDto(
  endpoint: WebhookEndpoint,
  now = new Date(),
): WebhookEndpointDto {
  const overlapEnds = endpoint.previousSecretExpiresAt;
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events as SubscribableEvent[],
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    previousSecretExpiresAt:
      overlapEnds && overlapEnds > now ? overlapEnds : null,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}

export function toWebhookAttemptDto(
  attempt: WebhookAttempt,
): WebhookAttemptDto {
  return {
    eventId: attempt.eventId,
    eventType: attempt.eventType,
    attempt: attempt.attempt,
    succeeded: attempt.error === null,
    statusCode: attempt.statusCode,
    error: attempt.error,
    durationMs: attempt.durationMs,
    nextRetryAt: attempt.nextRetryAt,
    createdAt: attempt.createdAt,
  };
}
