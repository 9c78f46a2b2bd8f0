import {
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../errors/api-error.js';
import { ACTIVE_SUBSCRIPTION_STATUSES } from './auth-context.js';
import {
  ANY_SUBSCRIPTION,
  PUBLIC_ROUTE,
  type AuthenticatedRequest,
} from './auth.decorators.js';

/** Only trialing and active workspaces may use the product endpoints (403 `forbidden`). */
@Injectable()
export class SubscriptionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (
      this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ||
      this.reflector.getAllAndOverride<boolean>(ANY_SUBSCRIPTION, targets)
    ) {
      return true;
    }
    const { workspace } = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest>().auth!;
    if (!ACTIVE_SUBSCRIPTION_STATUSES.includes(workspace.subscriptionStatus)) {
      throw new ApiError(
        'forbidden',
        `The workspace subscription is ${workspace.subscriptionStatus}; a trialing or active subscription is required`,
      );
    }
    return true;
  }
}
