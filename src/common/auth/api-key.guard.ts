import {
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../errors/api-error.js';
import { Authenticator, type AuthenticationFailure } from './auth-context.js';
import { isPublicRoute, type AuthenticatedRequest } from './auth.decorators.js';

const REASONS: Record<AuthenticationFailure, string> = {
  missing:
    'No API key: send it as `Authorization: Bearer <key>` (or `X-API-Key`)',
  malformed: 'The API key is malformed',
  unknown: 'The API key is not valid',
  revoked: 'The API key has been revoked',
};

/** Reads the key from `Authorization: Bearer`, `X-API-Key` or the legacy `soku-api-key` header. */
export function extractApiKey(
  request: AuthenticatedRequest,
): string | undefined {
  const authorization = request.header('authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? match[1] : authorization;
  }
  return request.header('x-api-key') ?? request.header('soku-api-key');
}

/**
 * First global guard: finds out who is calling an API route (`request.auth`) or why nobody is
 * (`request.authFailure`), without refusing anything yet, so that rate limits can count callers
 * without a valid key per client before they are told 401.
 */
@Injectable()
export class IdentifyCallerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublicRoute(this.reflector, context)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = extractApiKey(request);
    if (!key) {
      request.authFailure = 'missing';
      return true;
    }
    const result = await this.authenticator.authenticate(key);
    if (result.ok) {
      request.auth = result.context;
    } else {
      request.authFailure = result.reason;
    }
    return true;
  }
}

/** Refuses API routes whose caller `IdentifyCallerGuard` could not identify (401 `unauthorized`). */
@Injectable()
export class RequireApiKeyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (isPublicRoute(this.reflector, context)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.auth) {
      throw new ApiError(
        'unauthorized',
        REASONS[request.authFailure ?? 'missing'],
      );
    }
    return true;
  }
}
