import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { IntegerField } from '../../common/validation/integer-field.decorator.js';
import {
  MEDIA_EVENT_TYPES,
  type MediaEventType,
} from '../media/media-event.entity.js';

/** The events a client may subscribe to; the others drive the service itself. */
export const SUBSCRIBABLE_EVENTS = [
  'media.uploaded',
  'media.rendition.ready',
  'media.rendition.failed',
] as const;
export type SubscribableEvent = (typeof SUBSCRIBABLE_EVENTS)[number];

const WEBHOOK_URL = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
  allow_underscores: true,
};

function isSubscribable(value: unknown): value is SubscribableEvent {
  return (SUBSCRIBABLE_EVENTS as readonly unknown[]).includes(value);
}

/** Names the first event that cannot be subscribed to, telling an internal event from an unknown one. */
function unsubscribableMessage(events: unknown): string {
  const offending = Array.isArray(events)
    ? (events as unknown[]).find((event) => !isSubscribable(event))
    : events;
  const allowed = SUBSCRIBABLE_EVENTS.join(', ');
  if ((MEDIA_EVENT_TYPES as readonly unknown[]).includes(offending)) {
    return `events: ${offending as MediaEventType} is an internal event and cannot be subscribed to; subscribable events: ${allowed}`;
  }
  return `events: unknown event ${JSON.stringify(offending)}; subscribable events: ${allowed}`;
}

function SubscribableEvents() {
  return ValidateBy({
    name: 'subscribableEvents',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) && value.every(isSubscribable),
      defaultMessage: (args) => unsubscribableMessage(args?.value),
    },
  });
}

export class CreateWebhookDto {
  /**
   * Where events are POSTed: a public https URL (private, loopback and internal hosts are refused,
   * now and at every delivery). Redirects are not followed.
   * @example "https://example.com/hooks/media"
   */
  @IsUrl(WEBHOOK_URL, { message: 'url must be an https URL' })
  @MaxLength(2048)
  url: string;

  /** The events to receive: `media.uploaded`, `media.rendition.ready`, `media.rendition.failed`. */
  @ApiProperty({
    enum: SUBSCRIBABLE_EVENTS,
    isArray: true,
    minItems: 1,
    maxItems: 10,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'events must not repeat an event' })
  @SubscribableEvents()
  events: SubscribableEvent[];

  /**
   * A note for yourself (up to 500 characters).
   * @example "Publishing pipeline"
   */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class UpdateWebhookDto {
  /**
   * A new public https URL; pending retries go to it.
   * @example "https://example.com/hooks/media-v2"
   */
  @IsOptional()
  @IsUrl(WEBHOOK_URL, { message: 'url must be an https URL' })
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({
    enum: SUBSCRIBABLE_EVENTS,
    isArray: true,
    minItems: 1,
    maxItems: 10,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'events must not repeat an event' })
  @SubscribableEvents()
  events?: SubscribableEvent[];

  /**
   * Null clears it.
   * @example "Publishing pipeline (staging)"
   */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  /**
   * `false` stops deliveries, cancelling pending retries; `true` turns an endpoint the service
   * disabled (410, failing for 5 days) back on, for events from then on.
   */
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class ListWebhooksQueryDto {
  /** Items per page. */
  @IntegerField({ min: 1, max: 100, optional: true, default: 20 })
  limit?: number;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class WebhookEndpointDto {
  /** @example "wh_abc1234567890abc12345678" */
  id: string;
  url: string;
  description: string | null;
  @ApiProperty({ enum: SUBSCRIBABLE_EVENTS, isArray: true })
  events: SubscribableEvent[];
  /** False once disabled, by you or by the service (see `disabledReason`). */
  enabled: boolean;
  /** Why the service disabled the endpoint (it answered 410, or failed for 5 days); else null. */
  disabledReason: string | null;
  /** While a rotated-out secret still signs (24 h after a rotation), when it stops; else null. */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export class WebhookEndpointWithSecretDto extends WebhookEndpointDto {
  /**
   * The signing secret (Standard Webhooks). Shown only in this response: store it now.
   * @example "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw/ZTVOdHt2eU="
   */
  secret: string;
}

export class WebhookEndpointPageDto {
  data: WebhookEndpointDto[];
  hasMore: boolean;
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export class DeleteWebhookResponseDto {
  /** @example true */
  success: boolean;
}

export class WebhookAttemptDto {
  /** The event, also sent as `webhook-id`. @example "evt_abc1234567890abc12345678" */
  eventId: string;
  /** @example "media.uploaded" */
  eventType: string;
  /** 1 for the first attempt at this event, 2 for its first retry, … */
  attempt: number;
  /** True when the endpoint answered 2xx. */
  succeeded: boolean;
  /** The endpoint's HTTP status; null when no response arrived (timeout, refused, blocked). */
  statusCode: number | null;
  /** Why the attempt failed; null on success. */
  error: string | null;
  durationMs: number;
  /** When this event is tried again; null when it will not be. */
  nextRetryAt: Date | null;
  createdAt: Date;
}

export class WebhookAttemptPageDto {
  data: WebhookAttemptDto[];
  hasMore: boolean;
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}
