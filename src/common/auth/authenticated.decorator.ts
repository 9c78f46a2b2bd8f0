import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { ApiKeyScope } from './auth-context.js';
import { ApiProblemResponses } from '../openapi/api-problem-responses.decorator.js';
import { Scopes } from './auth.decorators.js';

/**
 * The one security scheme of the document. The key is also accepted in `X-API-Key` and
 * `soku-api-key`, which the scheme's description mentions; as schemes of their own they put three
 * boxes for the same key in Swagger UI's Authorize dialog.
 */
export const BEARER_SECURITY_SCHEME = 'bearer';

/**
 * An API-key route needing `scopes`: enforces them and documents the security scheme and the
 * auth-related problem responses every such route can return.
 */
export function Authenticated(...scopes: ApiKeyScope[]) {
  return applyDecorators(
    Scopes(...scopes),
    ApiBearerAuth(BEARER_SECURITY_SCHEME),
    ApiProblemResponses(401, 403, 500, 503),
  );
}
