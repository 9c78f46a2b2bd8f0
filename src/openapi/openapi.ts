import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { SECURITY_SCHEMES } from '../common/auth/authenticated.decorator.js';
import { ProblemDetailsDto } from '../common/errors/problem-details.dto.js';
import { VideoMetadataDto } from '../modules/media/media.dto.js';
import metadata from '../metadata.js';
import { STORAGE_EVENTS_SECURITY_SCHEME } from '../modules/upload/storage-events.controller.js';

const DESCRIPTION = `Multi-tenant media library for social-media tools: presigned direct uploads,
server-side imports, image normalisation to JFIF JPEG, video probing and platform validation.

Authenticate with an API key as \`Authorization: Bearer <key>\` (or the \`X-API-Key\` /
\`soku-api-key\` header). Every error is an RFC 9457 \`application/problem+json\` body with a
machine-readable \`code\` and the request's \`requestId\`.`;

/**
 * Builds the OpenAPI document from the controllers and the Swagger-plugin metadata generated into
 * `src/metadata.ts` by `npm run openapi`, so the build, the tests and the committed spec all see
 * the same schema whatever compiled the code.
 */
export async function buildOpenApiDocument(
  app: INestApplication,
): Promise<OpenAPIObject> {
  await SwaggerModule.loadPluginMetadata(metadata);
  const config = new DocumentBuilder()
    .setTitle('Media API')
    .setDescription(DESCRIPTION)
    .setVersion('1.0.0')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'API key (`mk_live_…`)' },
      SECURITY_SCHEMES.bearer,
    )
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      SECURITY_SCHEMES.apiKeyHeader,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'soku-api-key',
        description: 'Legacy header, same keys',
      },
      SECURITY_SCHEMES.sokuApiKeyHeader,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-Storage-Events-Secret',
        description: 'STORAGE_EVENTS_SECRET',
      },
      STORAGE_EVENTS_SECURITY_SCHEME,
    )
    .build();
  return describeCrossCuttingBehaviour(
    SwaggerModule.createDocument(app, config, {
      operationIdFactory: (_controllerKey, methodKey) => methodKey,
      extraModels: [ProblemDetailsDto, VideoMetadataDto],
    }),
  );
}

const PROBLEM_CONTENT = {
  'application/problem+json': {
    schema: { $ref: getSchemaPath(ProblemDetailsDto) },
  },
};

const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': {
    description:
      'Capacity of the tightest rate-limit bucket this request drew from',
    schema: { type: 'integer' },
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in that bucket right now',
    schema: { type: 'integer' },
  },
  'X-RateLimit-Reset': {
    description: 'Seconds until that bucket is full again',
    schema: { type: 'integer' },
  },
};

/**
 * What global guards and interceptors add to every API-key route, written once here rather than on
 * each controller: rate-limit headers and 429 (SPEC §8) on all of them, and on every POST the
 * `Idempotency-Key` header with its replay header and 409s (SPEC §7).
 */
function describeCrossCuttingBehaviour(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'patch', 'delete'] as const) {
      const operation = pathItem[method];
      if (!operation?.security?.length) continue;
      for (const response of Object.values(operation.responses)) {
        if (response && 'description' in response) {
          response.headers = { ...response.headers, ...RATE_LIMIT_HEADERS };
        }
      }
      operation.responses['429'] = {
        description:
          'Rate limit hit (`rate_limit_exceeded`); see `Retry-After`',
        headers: {
          'Retry-After': {
            description: 'Seconds until the request may be sent again',
            schema: { type: 'integer' },
          },
        },
        content: PROBLEM_CONTENT,
      };
      if (method !== 'post') continue;
      operation.parameters = [
        ...(operation.parameters ?? []),
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      ];
      const conflict = operation.responses['409'];
      operation.responses['409'] = {
        description: [
          conflict && 'description' in conflict
            ? conflict.description
            : undefined,
          'The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`)',
        ]
          .filter(Boolean)
          .join('; or '),
        content: PROBLEM_CONTENT,
      };
    }
  }
  return document;
}

/** Swagger UI at `/docs`, the JSON document at `/docs-json`. */
export function mountOpenApi(
  app: INestApplication,
  document: OpenAPIObject,
): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Media API reference',
    swaggerOptions: { persistAuthorization: true },
  });
}
