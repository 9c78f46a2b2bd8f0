import {
  createParamDecorator,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type {
  ApiKeyScope,
  AuthContext,
  AuthenticationFailure,
} from './auth-context.js';

export const PUBLIC_ROUTE = 'auth:public';
export const REQUIRED_SCOPES = 'auth:scopes';
export const ANY_SUBSCRIPTION = 'auth:any-subscription';

/** The route needs no API key (health, docs, public files, signed uploads). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** True on a route (or in a controller) marked `@Public()`. */
export function isPublicRoute(
  reflector: Reflector,
  context: ExecutionContext,
): boolean {
  return (
    reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]) ?? false
  );
}

/** The API key must carry every listed scope, else 403 `insufficient_scope`. */
export const Scopes = (...scopes: ApiKeyScope[]) =>
  SetMetadata(REQUIRED_SCOPES, scopes);

/** Any valid key may call the route whatever its workspace's subscription status. */
export const AnySubscription = () => SetMetadata(ANY_SUBSCRIPTION, true);

export interface AuthenticatedRequest extends Request {
  /** Set when the request carried a valid key. */
  auth?: AuthContext;
  /** Set instead of `auth` on API routes whose caller could not be identified. */
  authFailure?: AuthenticationFailure;
}

/** The authenticated workspace and key; services receive the workspace explicitly from here. */
export const CurrentAuth = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthContext => {
    const auth = ctx.switchToHttp().getRequest<AuthenticatedRequest>().auth;
    if (!auth) {
      throw new Error(
        'CurrentAuth used on a route without API key authentication',
      );
    }
    return auth;
  },
);
