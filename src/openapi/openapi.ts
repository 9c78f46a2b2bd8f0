import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { SECURITY_SCHEMES } from '../common/auth/authenticated.decorator.js';
import { ProblemDetailsDto } from '../common/errors/problem-details.dto.js';
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
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
    extraModels: [ProblemDetailsDto],
  });
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
