import { Webhook } from 'standardwebhooks';

/**
 * What an endpoint receives: the event as recorded in the outbox, with the media object, or for
 * `media.rendition.*` the rendition and its `mediaId`.
 */
export interface WebhookEventPayload {
  id: string;
  type: string;
  createdAt: string;
  data: { media: Record<string, unknown> } | Record<string, unknown>;
}

export function webhookPayload(event: {
  id: string;
  type: string;
  createdAt: Date;
  data: Record<string, unknown>;
}): WebhookEventPayload {
  return {
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    data: event.type.startsWith('media.rendition.')
      ? event.data
      : { media: event.data },
  };
}

/**
 * The Standard Webhooks headers for one attempt. `webhook-id` is the event id, so a receiver can
 * drop the retries of a message it already processed. During a secret rotation every current
 * secret signs, space-separated, and a receiver holding either one verifies.
 */
export function signedHeaders(
  secrets: string[],
  messageId: string,
  timestamp: Date,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': secrets
      .map((secret) => new Webhook(secret).sign(messageId, timestamp, body))
      .join(' '),
  };
}
