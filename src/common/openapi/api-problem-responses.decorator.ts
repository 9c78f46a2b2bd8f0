import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../errors/problem-details.dto.js';

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
};

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
          },
        },
      });
    }),
  );
}
