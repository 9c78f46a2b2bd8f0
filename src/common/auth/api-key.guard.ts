import {
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../errors/api-error.js';
import { WorkspacesService } from '../../modules/workspaces/workspaces.service.js';
import { PUBLIC_ROUTE, type AuthenticatedRequest } from './auth.decorators.js';

const REASONS = {
  missing:
    'No API key: send it as `Authorization: Bearer <key>` (or `X-API-Key`)',
  malformed: 'The API key is malformed',
  unknown: 'The API key is not valid',
  revoked: 'The API key has been revoked',
} as const;

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

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly workspaces: WorkspacesService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = extractApiKey(request);
    if (!key) {
      throw new ApiError('unauthorized', REASONS.missing);
    }
    const result = await this.workspaces.authenticate(key);
    if (!result.ok) {
      throw new ApiError('unauthorized', REASONS[result.reason]);
    }
    request.auth = result.context;
    return true;
  }
}
