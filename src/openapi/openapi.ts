import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { BEARER_SECURITY_SCHEME } from '../common/auth/authenticated.decorator.js';
import { ApiError } from '../common/errors/api-error.js';
import type { ErrorCode } from '../common/errors/error-codes.js';
import { ProblemDetailsDto } from '../common/errors/problem-details.dto.js';
import { renderProblem } from '../common/errors/render-problem.js';
import {
  problemDescription,
  problemExample,
} from '../common/openapi/api-problem-responses.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { VideoMetadataDto } from '../modules/media/media.dto.js';
import metadata from '../metadata.js';

const DESCRIPTION = `Multi-tenant media library for social-media tools: presigned direct uploads,
server-side imports, image normalisation to JFIF JPEG, video probing and platform validation.

Authenticate with an API key as \`Authorization: Bearer <key>\` (or the \`X-API-Key\` /
\`soku-api-key\` header). Every error is an RFC 9457 \`application/problem+json\` body with a
machine-readable \`code\` and the request's \`requestId\`.`;

/** Every tag used by a controller, with what it groups. */
const TAGS: Record<string, string> = {
  Uploads:
    'Direct uploads: presigned URLs for single files and batches, refresh and confirm',
  Media:
    'The media library: list, get, delete, and register files hosted elsewhere',
  Imports:
    'Server-side ingestion: download from a URL now, or import from authenticated URLs and Google Drive',
  Validation: 'Checks of media against the publishing rules of 11 platforms',
  Webhooks: 'Signed notifications of media events to your endpoints',
  Templates: 'OG and social images rendered from templates into the library',
  Workspace: 'The calling workspace and API key',
  Files: 'Upload targets and public file URLs of the local storage driver',
  Internal: 'Endpoints for the storage system, not for API clients',
  Health: 'Liveness and readiness probes',
};

/**
 * Builds the OpenAPI document from the controllers and the Swagger-plugin metadata generated into
 * `src/metadata.ts` by `npm run openapi`, so the build, the tests and the committed spec all see
 * the same schema whatever compiled the code.
 */
export async function buildOpenApiDocument(
  app: INestApplication,
): Promise<OpenAPIObject> {
  return describeApi(app, await loadPluginMetadata());
}

type PluginMetadata = Awaited<ReturnType<typeof metadata>>;

/** Hands the generated metadata to the Swagger module and returns it for the descriptions. */
async function loadPluginMetadata(): Promise<PluginMetadata> {
  await SwaggerModule.loadPluginMetadata(metadata);
  return metadata();
}

function describeApi(
  app: INestApplication,
  plugin: PluginMetadata,
): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Media API')
    .setDescription(DESCRIPTION)
    .setVersion('1.0.0')
    .setLicense('Proprietary', `${app.get(AppConfig).publicBaseUrl}/docs`)
    .addServer(app.get(AppConfig).publicBaseUrl)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'mk_live_<32 base62>',
        description:
          'API key (`mk_live_…`). The same key is also accepted in the `X-API-Key` header, or `soku-api-key` for clients of the first API.',
      },
      BEARER_SECURITY_SCHEME,
    );
  for (const [name, description] of Object.entries(TAGS)) {
    builder.addTag(name, description);
  }
  const config = builder.build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
    extraModels: [ProblemDetailsDto, VideoMetadataDto],
  });
  describeOperations(document, plugin);
  describeStorageKeyPaths(document);
  return describeCrossCuttingBehaviour(document);
}

/** What each segment of a storage key is, as a path parameter (see `buildStorageKey`). */
const KEY_SEGMENTS = {
  workspaceId: {
    description: 'The workspace that owns the file',
    example: 'ws_abc1234567890abc12345678',
  },
  mediaId: {
    description: 'The media item',
    example: 'media_abc1234567890abc12345678',
  },
  filename: {
    description:
      "The sanitised filename, or `-poster.jpg` for a video's poster frame",
    example: 'banner.jpg',
  },
  renditionFile: {
    description: 'The rendition id and its extension',
    example: 'rnd_abc1234567890abc12345678.jpg',
  },
} as const;

/**
 * The local driver's routes take the storage key as an Express wildcard (`/files/*key`), which
 * the Swagger module describes as one `{key}` parameter. OpenAPI path parameters are single
 * segments (`allowReserved` is for query parameters only), so tools would never match a key's
 * slashes; each shape of key the API hands out is described instead as a path of its own:
 * `<workspaceId>/<mediaId>/<filename>` for items and posters (src/modules/media/storage-key.ts),
 * `<workspaceId>/<mediaId>/renditions/<renditionFile>` for renditions, which are never uploaded.
 */
function describeStorageKeyPaths(document: OpenAPIObject): void {
  const shapes: Record<string, Array<[template: string, suffix: string]>> = {
    '/files/{key}': [
      ['/files/{workspaceId}/{mediaId}/{filename}', ''],
      [
        '/files/{workspaceId}/{mediaId}/renditions/{renditionFile}',
        'Rendition',
      ],
    ],
    '/uploads/{key}': [['/uploads/{workspaceId}/{mediaId}/{filename}', '']],
  };
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const replacements = shapes[path];
    if (!replacements) {
      paths[path] = item;
      continue;
    }
    for (const [template, suffix] of replacements) {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map(
        ([, name]) => name as keyof typeof KEY_SEGMENTS,
      );
      const described: typeof item = {};
      for (const method of ['get', 'put'] as const) {
        const operation = item[method];
        if (!operation) continue;
        described[method] = {
          ...operation,
          operationId: `${operation.operationId}${suffix}`,
          parameters: [
            ...names.map((name) => ({
              name,
              in: 'path' as const,
              required: true,
              schema: { type: 'string' as const },
              ...KEY_SEGMENTS[name],
            })),
            ...(operation.parameters ?? []).filter(
              (parameter) => !('in' in parameter) || parameter.in !== 'path',
            ),
          ],
        };
      }
      paths[template] = described;
    }
  }
  document.paths = paths;
}

/**
 * The handlers' doc comments as operation descriptions. The Swagger plugin runs as a script here
 * (see `npm run openapi`), and in that mode Nest applies its comments to DTOs only, so the
 * controllers' comments are applied here, by operation id (the handler's name, unique in the app).
 */
function describeOperations(
  document: OpenAPIObject,
  plugin: PluginMetadata,
): void {
  const { controllers = [] } = plugin['@nestjs/swagger'] as unknown as {
    controllers?: Array<
      [unknown, Record<string, Record<string, { description?: string }>>]
    >;
  };
  const descriptions = new Map<string, string>();
  for (const [, classes] of controllers) {
    for (const methods of Object.values(classes)) {
      for (const [name, method] of Object.entries(methods)) {
        if (method.description) descriptions.set(name, method.description);
      }
    }
  }
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = pathItem[method];
      const description = operation?.operationId
        ? descriptions.get(operation.operationId)
        : undefined;
      if (operation && description && !operation.description) {
        operation.description = description;
      }
    }
  }
}

const EXAMPLE_REQUEST_ID = 'req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13';

const problemContent = (status: number) => ({
  'application/problem+json': {
    schema: { $ref: getSchemaPath(ProblemDetailsDto) },
    example: problemExample(status),
  },
});

const IDEMPOTENCY_PROBLEMS = {
  idempotency_conflict:
    'This Idempotency-Key was used for a different request (method, path or body); use a new key',
  idempotency_in_progress:
    'A request with this Idempotency-Key is still in progress; retry shortly',
} as const;

/** Written once under `components.headers` and referenced by every response of a limited route. */
const RATE_LIMIT_HEADER_DEFINITIONS = {
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
  'RateLimit-Policy': {
    description:
      'Every bucket this request drew from, as IETF draft-ietf-httpapi-ratelimit-headers-11 quota policies: `"workspace";q=100;w=60` is 100 requests per 60 s (the bucket holds q tokens and refills from empty in w seconds). Policies: `workspace` (the key\'s workspace), `address` (callers without a valid key, per client address), and a route\'s own limit (`urlUpload`, `templates`, `imports`).',
    schema: { type: 'string' },
    example: '"workspace";q=100;w=60',
  },
  RateLimit: {
    description:
      'What is left of each policy in `RateLimit-Policy`: `"workspace";r=42;t=18` is 42 requests left, full again in 18 s',
    schema: { type: 'string' },
    example: '"workspace";r=42;t=18',
  },
};

const RATE_LIMIT_HEADERS = Object.fromEntries(
  Object.keys(RATE_LIMIT_HEADER_DEFINITIONS).map((name) => [
    name,
    { $ref: `#/components/headers/${name}` },
  ]),
);

/**
 * What global middleware, guards and interceptors add to routes, written once here rather than on
 * each controller: any URL with a control character or bad percent-encoding is refused (400), and
 * a JSON body over the limit (413) on any route that takes one; public routes say they need no key
 * (`security: []`); API-key routes carry the rate-limit headers and 429
 * (docs/contracts.md#rate-limits); their POSTs take `Idempotency-Key`, refused when malformed
 * (400), with the replay header and the idempotency 409s (docs/contracts.md#idempotency).
 */
function describeCrossCuttingBehaviour(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    headers: {
      ...document.components?.headers,
      ...RATE_LIMIT_HEADER_DEFINITIONS,
    },
  };
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = pathItem[method];
      if (!operation) continue;
      const requestBody = operation.requestBody;
      if (
        requestBody &&
        'content' in requestBody &&
        requestBody.content['application/json']
      ) {
        operation.responses['413'] ??= {
          description: problemDescription(413),
          content: problemContent(413),
        };
      }
      const usesApiKey = operation.security?.some(
        (requirement) => BEARER_SECURITY_SCHEME in requirement,
      );
      operation.responses['400'] ??= {
        description:
          usesApiKey && method === 'post'
            ? 'Malformed `Idempotency-Key`, or a control character or malformed percent-encoding in the URL (`validation_error`)'
            : 'A control character or malformed percent-encoding in the URL (`validation_error`)',
        content: problemContent(400),
      };
      if (!usesApiKey) {
        operation.security = [];
        continue;
      }
      for (const response of Object.values(operation.responses)) {
        if (response && 'description' in response) {
          response.headers = { ...response.headers, ...RATE_LIMIT_HEADERS };
        }
      }
      // A route with limits of its own says which in its own 429.
      const ownLimit = operation.responses['429'];
      operation.responses['429'] = {
        description:
          ownLimit && 'description' in ownLimit
            ? ownLimit.description
            : 'Rate limit hit (`rate_limit_exceeded`); see `Retry-After`',
        // Set before the request is refused, so a 429 says which bucket ran dry.
        headers: {
          ...RATE_LIMIT_HEADERS,
          'Retry-After': {
            description: 'Seconds until the request may be sent again',
            schema: { type: 'integer' },
          },
        },
        content: problemContent(429),
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
      const examples = Object.fromEntries(
        Object.entries(IDEMPOTENCY_PROBLEMS).map(([code, message]) => [
          code,
          {
            value: renderProblem(
              new ApiError(code as ErrorCode, message),
              EXAMPLE_REQUEST_ID,
            ).body,
          },
        ]),
      );
      operation.responses['409'] = {
        description: [
          conflict && 'description' in conflict
            ? conflict.description
            : undefined,
          'The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`)',
        ]
          .filter(Boolean)
          .join('; or '),
        headers: {
          ...RATE_LIMIT_HEADERS,
          'Retry-After': {
            description:
              'With `idempotency_in_progress`: seconds before sending the request again',
            schema: { type: 'integer' },
          },
        },
        content: {
          'application/problem+json': {
            schema: { $ref: getSchemaPath(ProblemDetailsDto) },
            examples: conflict
              ? { conflict: { value: problemExample(409) }, ...examples }
              : examples,
          },
        },
      };
    }
  }
  return document;
}
/**
 * Swagger UI at `/docs`, the JSON document at `/docs-json`. The document is built on the first
 * request for it rather than at startup, where scanning every controller and DTO delayed ready
 * (docs/performance.md#openapi-document); the committed openapi.json is checked against the same
 * builder by a test.
 */
export async function mountOpenApi(app: INestApplication): Promise<void> {
  const plugin = await loadPluginMetadata();
  SwaggerModule.setup('docs', app, () => describeApi(app, plugin), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Media API reference',
    swaggerOptions: { persistAuthorization: true },
  });
}
