import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { ApiKeyScope } from './auth-context.js';
import { ApiProblemResponses } from '../openapi/api-problem-responses.decorator.js';
import { Scopes } from './auth.decorators.js';

export const SECURITY_SCHEMES = {
  bearer: 'bearer',
  apiKeyHeader: 'apiKey',
  sokuApiKeyHeader: 'sokuApiKey',
} as const;

/**
 * An API-key route needing `scopes`: enforces them and documents the security schemes and the
 * auth-related problem responses every such route can return.
 */
export function Authenticated(...scopes: ApiKeyScope[]) {
  return applyDecorators(
    Scopes(...scopes),
    ApiBearerAuth(SECURITY_SCHEMES.bearer),
    ApiSecurity(SECURITY_SCHEMES.apiKeyHeader),
    ApiSecurity(SECURITY_SCHEMES.sokuApiKeyHeader),
    ApiProblemResponses(401, 403, 500, 503),
  );
}
