import {
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../errors/api-error.js';
import type { ApiKeyScope } from './auth-context.js';
import {
  PUBLIC_ROUTE,
  REQUIRED_SCOPES,
  type AuthenticatedRequest,
} from './auth.decorators.js';

@Injectable()
export class ScopesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    const required =
      this.reflector.getAllAndOverride<ApiKeyScope[]>(
        REQUIRED_SCOPES,
        targets,
      ) ?? [];
    const { apiKey } = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest>().auth!;
    const missing = required.filter((scope) => !apiKey.scopes.includes(scope));
    if (missing.length > 0) {
      throw new ApiError(
        'insufficient_scope',
        `The API key lacks the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      );
    }
    return true;
  }
}
