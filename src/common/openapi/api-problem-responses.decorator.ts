import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ErrorCode } from '../errors/error-codes.js';
import { ProblemDetailsDto } from '../errors/problem-details.dto.js';
import { ApiError, STORAGE_FAILURE_MESSAGE } from '../errors/api-error.js';
import { renderProblem } from '../errors/render-problem.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (`validation_error`)',
  401: 'Missing, malformed, unknown or revoked API key (`unauthorized`)',
  403: 'Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`)',
  404: 'No such resource in this workspace (`not_found`)',
  409: 'The resource state does not allow it (`conflict`)',
  413: 'Request body over the limit (`payload_too_large`)',
  416: 'The Range header asks for bytes past the end (`range_not_satisfiable`)',
  429: 'Rate limit hit (`rate_limit_exceeded`); see `Retry-After`',
  500: 'Unexpected failure (`internal_error`)',
  503: 'A dependency is unreachable (`service_unavailable`)',
  507: 'Our storage is full or failing (`insufficient_storage`); nothing was kept, retry later',
};

/** The code and message of each status's example body. */
const EXAMPLES: Record<number, [ErrorCode, string]> = {
  400: ['validation_error', 'sizeBytes must not be greater than 524288000'],
  401: ['unauthorized', 'The API key is not valid'],
  403: ['insufficient_scope', 'The API key lacks the scope media:write'],
  404: [
    'not_found',
    'No media item with id media_abc1234567890abc12345678 in this workspace',
  ],
  409: [
    'conflict',
    'Media media_abc1234567890abc12345678 is READY; only PENDING direct uploads get new upload URLs',
  ],
  413: ['payload_too_large', 'The request body is larger than the limit'],
  416: ['range_not_satisfiable', 'The file is 1024 bytes long'],
  429: ['rate_limit_exceeded', 'Rate limit exceeded; retry in 2 s'],
  500: ['internal_error', 'An unexpected error occurred'],
  503: [
    'service_unavailable',
    'A backing service is unavailable; retry shortly',
  ],
  507: ['insufficient_storage', STORAGE_FAILURE_MESSAGE],
};

/** What a problem response of `status` means, when a route has nothing more precise to say. */
export function problemDescription(status: number): string {
  return DESCRIPTIONS[status] ?? DESCRIPTIONS[500];
}

/** An example body exactly as the API renders one for `status`. */
export function problemExample(status: number): object {
  const [code, message] = EXAMPLES[status] ?? EXAMPLES[500];
  return renderProblem(
    new ApiError(code, message),
    'req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13',
  ).body;
}

/** Documents problem+json error responses; pass a description to override the default one. */
export function ApiProblemResponses(
  ...responses: Array<number | [number, string]>
) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...responses.map((entry) => {
      const [status, description] = Array.isArray(entry)
        ? entry
        : [entry, DESCRIPTIONS[entry]];
      return ApiResponse({
        status,
        description,
        content: {
          'application/problem+json': {
            schema: { $ref: getSchemaPath(ProblemDetailsDto) },
            example: problemExample(status),
          },
        },
      });
    }),
  );
}
